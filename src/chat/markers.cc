#include "chat/markers.h"

#include <string_view>

namespace parcelproof::chat {
namespace {

// Whole-text markers of a message sent without its media.
const char* const kMediaOmitted[] = {
    "<Media omitted>",
    "<Medien ausgeschlossen>",
    "<Multimedia omitido>",
    "<Mídia oculta>",
    "<Arquivo de mídia oculto>",
    "<Multimédia omis>",
    "<Médias omis>",
    "<Без медиафайлов>",
    "<省略影音内容>",
    "<媒体文件已省略>",
    "<Media omessi>",
    "<Media weggelaten>",
    "<Medya dahil edilmedi>",
    "image omitted",
    "video omitted",
    "audio omitted",
    "sticker omitted",
    "GIF omitted",
    "document omitted",
    "Bild weggelassen",
    "Video weggelassen",
    "Audio weggelassen",
    "imagen omitida",
    "video omitido",
    "audio omitido",
    "imagem ocultada",
    "vídeo ocultado",
    "image absente",
    "vidéo absente",
    "изображение отсутствует",
    "видео отсутствует",
    "图片已省略",
    "视频已省略",
};

const char* const kDeleted[] = {
    "This message was deleted",
    "You deleted this message",
    "Diese Nachricht wurde gelöscht.",
    "Du hast diese Nachricht gelöscht.",
    "Se eliminó este mensaje.",
    "Eliminaste este mensaje.",
    "Mensagem apagada",
    "Você apagou esta mensagem",
    "Essa mensagem foi apagada",
    "Ce message a été supprimé",
    "Vous avez supprimé ce message",
    "Данное сообщение удалено",
    "Вы удалили данное сообщение",
    "Это сообщение удалено",
    "此消息已删除",
    "你删除了此消息",
    "Questo messaggio è stato eliminato",
    "Dit bericht is verwijderd",
    "Bu mesaj silindi",
};

// Written after the text of an edited message.
const char* const kEdited[] = {
    "<This message was edited>",
    "<Diese Nachricht wurde bearbeitet>",
    "<Se editó este mensaje.>",
    "<Mensagem editada>",
    "<Ce message a été modifié>",
    "<Сообщение изменено>",
    "<已编辑>",
    "<Messaggio modificato>",
    "<Dit bericht is bewerkt>",
    "<Bu mesaj düzenlendi>",
};

// iOS: "<attached: NAME>".
const char* const kAttachedPrefix[] = {"<attached: ", "<Anhang: ",     "<adjunto: ",  "<anexado: ",
                                       "<joint : ",   "<joint: ",      "<вложение: ", "<附件：",
                                       "<allegato: ", "<bijgevoegd: ", "<eklendi: "};
// Android: "NAME (file attached)".
const char* const kAttachedSuffix[] = {
    " (file attached)",      " (Datei angehängt)", " (archivo adjunto)", " (arquivo anexado)",
    " (fichier joint)",      " (файл добавлен)",   " (文件附件)",        " (file allegato)",
    " (bestand bijgevoegd)", " (dosya ekli)",
};

std::string_view TrimMarks(std::string_view s) {
  for (;;) {
    if (s.size() >= 3 && (s.substr(0, 3) == "\xE2\x80\x8E" || s.substr(0, 3) == "\xE2\x80\x8F")) {
      s.remove_prefix(3);
    } else if (!s.empty() && (s.front() == ' ' || s.front() == '\t')) {
      s.remove_prefix(1);
    } else if (s.size() >= 3 && (s.substr(s.size() - 3) == "\xE2\x80\x8E" ||
                                 s.substr(s.size() - 3) == "\xE2\x80\x8F")) {
      s.remove_suffix(3);
    } else if (!s.empty() && (s.back() == ' ' || s.back() == '\t')) {
      s.remove_suffix(1);
    } else {
      return s;
    }
  }
}

bool EndsWith(std::string_view s, std::string_view t) {
  return s.size() >= t.size() && s.substr(s.size() - t.size()) == t;
}

void FindAttachments(ChatMessage* m) {
  std::string_view text = m->text;
  size_t line_start = 0;
  while (line_start <= text.size()) {
    size_t nl = text.find('\n', line_start);
    std::string_view line = TrimMarks(text.substr(line_start, nl - line_start));
    for (const char* p : kAttachedPrefix) {
      std::string_view prefix(p);
      if (line.substr(0, prefix.size()) == prefix && EndsWith(line, ">")) {
        m->attachments.emplace_back(line.substr(prefix.size(), line.size() - prefix.size() - 1));
      }
    }
    for (const char* s : kAttachedSuffix) {
      if (EndsWith(line, s) && line.size() > std::string_view(s).size()) {
        m->attachments.emplace_back(line.substr(0, line.size() - std::string_view(s).size()));
      }
    }
    if (nl == std::string_view::npos) break;
    line_start = nl + 1;
  }
}

}  // namespace

void ClassifyWhatsAppText(ChatMessage* m) {
  for (const char* e : kEdited) {
    std::string_view marker(e);
    std::string_view text = TrimMarks(m->text);
    if (EndsWith(text, marker)) {
      std::string_view kept = TrimMarks(text.substr(0, text.size() - marker.size()));
      m->text = std::string(kept);
      m->flags.emplace_back("edited");
      break;
    }
  }
  std::string_view text = TrimMarks(m->text);
  for (const char* d : kDeleted) {
    if (text == d) m->flags.emplace_back("deleted");
  }
  for (const char* o : kMediaOmitted) {
    if (text == o) m->flags.emplace_back("media-omitted");
  }
  if (text.find('<') != std::string_view::npos || text.find('(') != std::string_view::npos) {
    FindAttachments(m);
  }
}

}  // namespace parcelproof::chat
