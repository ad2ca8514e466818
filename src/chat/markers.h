// What WhatsApp writes in place of media, deleted and edited messages and
// attachments, in the languages a phone may be set to (en, de, es, pt, fr,
// ru, zh, it, nl, tr). The tables are in markers.cc.
#ifndef PARCELPROOF_CHAT_MARKERS_H_
#define PARCELPROOF_CHAT_MARKERS_H_

#include "parcelproof/chat.h"

namespace parcelproof::chat {

// Sets flags (media-omitted, deleted, edited) and attachments from the text
// of a WhatsApp message; an "edited" marker is taken out of the text.
// single_line: the text is one line of the export (no '\n' in it), which
// spares a look through it for attachment lines.
void ClassifyWhatsAppText(ChatMessageView* message, bool single_line = false);

}  // namespace parcelproof::chat

#endif  // PARCELPROOF_CHAT_MARKERS_H_
