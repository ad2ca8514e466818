#include "chat/markers.h"

#include <cstdint>
#include <iterator>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

using std::string_view_literals::operator""sv;

namespace parcelproof::chat {
namespace {

// Whole-text markers of a message sent without its media.
constexpr std::string_view kMediaOmitted[] = {
    "<Media omitted>"sv,
    "<Medien ausgeschlossen>"sv,
    "<Multimedia omitido>"sv,
    "<Mídia oculta>"sv,
    "<Arquivo de mídia oculto>"sv,
    "<Multimédia omis>"sv,
    "<Médias omis>"sv,
    "<Без медиафайлов>"sv,
    "<省略影音内容>"sv,
    "<媒体文件已省略>"sv,
    "<Media omessi>"sv,
    "<Media weggelaten>"sv,
    "<Medya dahil edilmedi>"sv,
    "image omitted"sv,
    "video omitted"sv,
    "audio omitted"sv,
    "sticker omitted"sv,
    "GIF omitted"sv,
    "document omitted"sv,
    "Bild weggelassen"sv,
    "Video weggelassen"sv,
    "Audio weggelassen"sv,
    "imagen omitida"sv,
    "video omitido"sv,
    "audio omitido"sv,
    "imagem ocultada"sv,
    "vídeo ocultado"sv,
    "image absente"sv,
    "vidéo absente"sv,
    "изображение отсутствует"sv,
    "видео отсутствует"sv,
    "图片已省略"sv,
    "视频已省略"sv,
};

constexpr std::string_view kDeleted[] = {
    "This message was deleted"sv,
    "You deleted this message"sv,
    "Diese Nachricht wurde gelöscht."sv,
    "Du hast diese Nachricht gelöscht."sv,
    "Se eliminó este mensaje."sv,
    "Eliminaste este mensaje."sv,
    "Mensagem apagada"sv,
    "Você apagou esta mensagem"sv,
    "Essa mensagem foi apagada"sv,
    "Ce message a été supprimé"sv,
    "Vous avez supprimé ce message"sv,
    "Данное сообщение удалено"sv,
    "Вы удалили данное сообщение"sv,
    "Это сообщение удалено"sv,
    "此消息已删除"sv,
    "你删除了此消息"sv,
    "Questo messaggio è stato eliminato"sv,
    "Dit bericht is verwijderd"sv,
    "Bu mesaj silindi"sv,
};

// Written after the text of an edited message.
constexpr std::string_view kEdited[] = {
    "<This message was edited>"sv,
    "<Diese Nachricht wurde bearbeitet>"sv,
    "<Se editó este mensaje.>"sv,
    "<Mensagem editada>"sv,
    "<Ce message a été modifié>"sv,
    "<Сообщение изменено>"sv,
    "<已编辑>"sv,
    "<Messaggio modificato>"sv,
    "<Dit bericht is bewerkt>"sv,
    "<Bu mesaj düzenlendi>"sv,
};

constexpr size_t MaxSize(const std::string_view* begin, const std::string_view* end) {
  size_t n = 0;
  for (; begin != end; ++begin) n = begin->size() > n ? begin->size() : n;
  return n;
}
constexpr size_t kMaxWholeMarker = MaxSize(std::begin(kDeleted), std::end(kDeleted)) >
                                           MaxSize(std::begin(kMediaOmitted),
                                                   std::end(kMediaOmitted))
                                       ? MaxSize(std::begin(kDeleted), std::end(kDeleted))
                                       : MaxSize(std::begin(kMediaOmitted),
                                                 std::end(kMediaOmitted));

// For each first byte, bit n set when some deleted or media-omitted marker
// starting with that byte is n bytes long.
struct LengthsByFirstByte {
  uint64_t bits[256] = {};
};
constexpr LengthsByFirstByte WholeMarkerLengths() {
  LengthsByFirstByte t;
  for (std::string_view d : kDeleted) {
    t.bits[static_cast<unsigned char>(d[0])] |= uint64_t{1} << d.size();
  }
  for (std::string_view o : kMediaOmitted) {
    t.bits[static_cast<unsigned char>(o[0])] |= uint64_t{1} << o.size();
  }
  return t;
}
static_assert(kMaxWholeMarker < 64, "marker lengths fit a 64-bit mask");
constexpr LengthsByFirstByte kWholeMarkerLengths = WholeMarkerLengths();

// iOS: "<attached: NAME>".
constexpr std::string_view kAttachedPrefix[] = {
    "<attached: "sv, "<Anhang: "sv, "<adjunto: "sv,  "<anexado: "sv,    "<joint : "sv, "<joint: "sv,
    "<вложение: "sv, "<附件："sv,   "<allegato: "sv, "<bijgevoegd: "sv, "<eklendi: "sv};
// Every marker of [b, e) starts (or ends, at_end) with c.
constexpr bool AllHaveAtEdge(const std::string_view* b, const std::string_view* e, char c,
                             bool at_end) {
  for (; b != e; ++b) {
    if (b->empty() || (at_end ? b->back() : b->front()) != c) return false;
  }
  return true;
}
static_assert(AllHaveAtEdge(std::begin(kAttachedPrefix), std::end(kAttachedPrefix), '<', false),
              "FindAttachments looks for '<' first");
// Android: "NAME (file attached)".
constexpr std::string_view kAttachedSuffix[] = {
    " (file attached)"sv,   " (Datei angehängt)"sv, " (archivo adjunto)"sv,
    " (arquivo anexado)"sv, " (fichier joint)"sv,   " (файл добавлен)"sv,
    " (文件附件)"sv,        " (file allegato)"sv,   " (bestand bijgevoegd)"sv,
    " (dosya ekli)"sv,
};

// U+200E or U+200F at s[at].
bool MarkAt(std::string_view s, size_t at) {
  return s[at] == '\xE2' && s[at + 1] == '\x80' && (s[at + 2] == '\x8E' || s[at + 2] == '\x8F');
}

static_assert(AllHaveAtEdge(std::begin(kAttachedSuffix), std::end(kAttachedSuffix), ')', true),
              "FindAttachments looks for ')' first");

std::string_view TrimMarks(std::string_view s) {
  // The usual text has neither spaces nor marks at either end.
  if (s.empty()) return s;
  unsigned char f = static_cast<unsigned char>(s.front());
  unsigned char b = static_cast<unsigned char>(s.back());
  if (f != ' ' && f != '\t' && f != 0xE2 && b != ' ' && b != '\t' && b != 0x8E && b != 0x8F) {
    return s;
  }
  for (;;) {
    if (s.size() >= 3 && MarkAt(s, 0)) {
      s.remove_prefix(3);
    } else if (!s.empty() && (s.front() == ' ' || s.front() == '\t')) {
      s.remove_prefix(1);
    } else if (s.size() >= 3 && MarkAt(s, s.size() - 3)) {
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

void FindAttachments(ChatMessageView* m) {
  std::string_view text = m->text;
  size_t line_start = 0;
  while (line_start <= text.size()) {
    size_t nl = text.find('\n', line_start);
    std::string_view line = TrimMarks(text.substr(line_start, nl - line_start));
    // Every prefix starts with '<' (and the line then ends with '>'), every
    // suffix ends with ')'.
    if (!line.empty() && line.front() == '<' && line.back() == '>') {
      for (std::string_view prefix : kAttachedPrefix) {
        if (line.substr(0, prefix.size()) == prefix) {
          m->attachments.emplace_back(line.substr(prefix.size(), line.size() - prefix.size() - 1));
        }
      }
    }
    if (!line.empty() && line.back() == ')') {
      for (std::string_view s : kAttachedSuffix) {
        if (EndsWith(line, s) && line.size() > s.size()) {
          m->attachments.emplace_back(line.substr(0, line.size() - s.size()));
        }
      }
    }
    if (nl == std::string_view::npos) break;
    line_start = nl + 1;
  }
}

// Whether s holds a or b: one pass, 16 bytes at a time where SSE2 is there.
inline bool HasEither(std::string_view s, char a, char b) {
  size_t i = 0;
#if defined(__SSE2__)
  const __m128i a16 = _mm_set1_epi8(a);
  const __m128i b16 = _mm_set1_epi8(b);
  auto any = [&](size_t at) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + at));
    return _mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v, a16), _mm_cmpeq_epi8(v, b16))) != 0;
  };
  if (s.size() >= 16) {
    for (; i + 16 <= s.size(); i += 16) {
      if (any(i)) return true;
    }
    return i < s.size() && any(s.size() - 16);  // the last bytes, overlapping
  }
#endif
  for (; i < s.size(); ++i) {
    if (s[i] == a || s[i] == b) return true;
  }
  return false;
}

}  // namespace

void ClassifyWhatsAppText(ChatMessageView* m, bool single_line) {
  std::string_view trimmed = TrimMarks(m->text);
  bool edited = false;
  for (std::string_view marker : kEdited) {
    if (trimmed.empty() || trimmed.back() != '>') break;
    std::string_view text = trimmed;
    if (EndsWith(text, marker)) {
      std::string_view kept = TrimMarks(text.substr(0, text.size() - marker.size()));
      m->text = kept;
      m->flags.emplace_back("edited");
      edited = true;
      break;
    }
  }
  // m->text changes only when edited (and is trimmed then).
  std::string_view text = edited ? m->text : trimmed;
  // Texts of no marker's length are no marker.
  if (!text.empty() && text.size() <= kMaxWholeMarker &&
      ((kWholeMarkerLengths.bits[static_cast<unsigned char>(text[0])] >> text.size()) & 1) != 0) {
    // Compared only when the first bytes agree.
    for (std::string_view d : kDeleted) {
      if (text.size() == d.size() && text[0] == d[0] && text == d) m->flags.emplace_back("deleted");
    }
    for (std::string_view o : kMediaOmitted) {
      if (text.size() == o.size() && text[0] == o[0] && text == o) {
        m->flags.emplace_back("media-omitted");
      }
    }
  }
  // An attachment line starts with '<' (and ends with '>') or ends with ')';
  // a single line is the text, trimmed as FindAttachments trims its lines.
  if (single_line) {
    std::string_view line = TrimMarks(m->text);
    if (!line.empty() && ((line.front() == '<' && line.back() == '>') || line.back() == ')')) {
      FindAttachments(m);
    }
  } else if (HasEither(text, '<', ')')) {
    FindAttachments(m);
  }
}

}  // namespace parcelproof::chat
