import json
N='\u202f'; L='\u200e'
files={}
files['android_en_12h.txt']="".join([
"3/1/26, 9:05"+N+"AM - Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them. Tap to learn more.\n",
"3/1/26, 9:05"+N+"AM - Anna Schmidt: Hi, my order 8190337412650218 has not arrived\n",
"3/1/26, 9:07"+N+"AM - Li Wei: Hello Anna, it shipped on 2 March.\n",
"The tracking number is RR472518365CN.\n",
"3/14/26, 12:30"+N+"PM - Anna Schmidt: IMG-20260314-WA0003.jpg (file attached)\n",
"3/14/26, 12:31"+N+"PM - Anna Schmidt: <Media omitted>\n",
"3/14/26, 12:40"+N+"AM - Li Wei: This message was deleted\n",
"3/15/26, 1:02"+N+"PM - Anna Schmidt: Got it, thanks! <This message was edited>\n"])
files['ios_en_24h.txt']="".join([
L+"[28/02/2026, 21:14:03] Li Wei: "+L+"Messages and calls are end-to-end encrypted.\n",
"[28/02/2026, 21:15:10] Anna Schmidt: Is the red mug in stock?\n",
"[01/03/2026, 08:00:00] Li Wei: Yes\n",
L+"[01/03/2026, 08:01:12] Li Wei: "+L+"<attached: 00000012-PHOTO-2026-03-01-08-01-12.jpg>\n",
L+"[01/03/2026, 08:02:00] Anna Schmidt: "+L+"image omitted\n"])
files['android_de.txt']="".join([
"01.03.26, 14:05 - Anna Schmidt: Wo ist mein Paket?\n",
"01.03.26, 14:07 - Li Wei: Es ist unterwegs.\n",
"13.03.26, 09:00 - Anna Schmidt: <Medien ausgeschlossen>\n",
"13.03.26, 09:01 - Anna Schmidt: Diese Nachricht wurde gelöscht.\n",
"14.03.26, 10:00 - Li Wei: IMG-20260314-WA0001.jpg (Datei angehängt)\n",
"14.03.26, 10:02 - Anna Schmidt: Danke <Diese Nachricht wurde bearbeitet>\n"])
files['android_es_12h.txt']="".join([
"14/3/26, 2:05\u00a0p.\u00a0m. - Carlos Pérez: ¿Dónde está mi pedido?\n",
"14/3/26, 2:10\u00a0p.\u00a0m. - Li Wei: Ya fue enviado.\n",
"15/3/26, 11:59\u00a0a.\u00a0m. - Carlos Pérez: <Multimedia omitido>\n",
"15/3/26, 12:00\u00a0a.\u00a0m. - Carlos Pérez: Se eliminó este mensaje.\n"])
files['android_pt.txt']="".join([
"13/03/2026 10:15 - João Silva: Olá, o pacote chegou danificado\n",
"13/03/2026 10:16 - João Silva: <Mídia oculta>\n",
"13/03/2026 10:20 - Li Wei: Sinto muito. Pode enviar uma foto?\n",
"13/03/2026 10:21 - João Silva: Mensagem apagada\n"])
files['android_fr.txt']="".join([
"14/03/2026 à 18:30 - Marie Dubois: Bonjour, je n'ai pas reçu mon colis\n",
"14/03/2026 à 18:45 - Li Wei: Bonjour, le suivi indique une livraison le 12/03.\n",
"15/03/2026 à 09:00 - Marie Dubois: <Médias omis>\n",
"15/03/2026 à 09:01 - Marie Dubois: Ce message a été supprimé\n"])
files['android_ru.txt']="".join([
"14.03.2026, 18:30 - Иван Петров: Здравствуйте, посылка не пришла\n",
"14.03.2026, 18:35 - Li Wei: Здравствуйте! Посылка в пути.\n",
"15.03.2026, 09:00 - Иван Петров: <Без медиафайлов>\n",
"15.03.2026, 09:05 - Иван Петров: Данное сообщение удалено\n"])
files['android_zh.txt']="".join([
"2026/3/14 下午6:30 - 王芳: 你好，我的包裹还没到\n",
"2026/3/14 下午6:45 - Li Wei: 您好，包裹已发出。\n",
"2026/3/15 上午9:00 - 王芳: <省略影音内容>\n",
"2026/3/15 上午9:05 - 王芳: 此消息已删除\n"])
files['android_ambiguous.txt']="".join([
"10/01/26, 10:00 - Anna: one\n",
"11/01/26, 10:00 - Li Wei: two\n",
"02/02/26, 10:00 - Anna: three\n",
"03/02/26, 10:00 - Li Wei: four\n"])
tg={"name":"Anna Schmidt","type":"personal_chat","id":1234,"messages":[
 {"id":1,"type":"message","date":"2026-03-01T14:05:00","date_unixtime":"1772370300","from":"Anna Schmidt","from_id":"user1","text":"Hi, where is my order?"},
 {"id":2,"type":"message","date":"2026-03-01T14:07:30","date_unixtime":"1772370450","from":"Li Wei","from_id":"user2","text":["Tracking: ",{"type":"bold","text":"RR472518365CN"}," (China Post)"]},
 {"id":3,"type":"message","date":"2026-03-02T09:00:00","date_unixtime":"1772438400","from":"Anna Schmidt","from_id":"user1","photo":"photos/photo_1@02-03-2026_09-00-00.jpg","text":"", "edited":"2026-03-02T09:01:00"},
 {"id":4,"type":"service","date":"2026-03-02T09:05:00","date_unixtime":"1772438700","actor":"Anna Schmidt","actor_id":"user1","action":"pin_message","text":""}]}
files['telegram.json']=json.dumps(tg,ensure_ascii=False,indent=1)+"\n"
files['telegram_array.json']='[{"id":1}]\n'
files['market_csv.csv']=('time,sender,text,attachments\n'
 '2026-03-01T14:05:00+08:00,Anna Schmidt,"Hello, is this ""red"" mug in stock?",\n'
 '2026-03-01 14:07,Li Wei,"Yes.\nShipping tomorrow.",mug1.jpg;mug2.jpg\n'
 'yesterday,Anna Schmidt,bad time,\n')
files['market_jsonl.jsonl']=('{"time":"2026-03-01T06:05:00Z","sender":"Anna Schmidt","text":"Where is it?"}\n'
 '{"time":"2026-03-01T06:07:00Z","sender":"Li Wei","text":"Shipped","attachments":["label.jpg"]}\n'
 'not json\n')
files['email.eml']=("From: =?UTF-8?B?QW5uYSBTY2htaWR0?= <anna@example.de>\r\n"
 "To: Li Wei <shop@example.cn>\r\n"
 "Subject: =?ISO-8859-1?Q?Bestellung_=FCberf=E4llig?=\r\n"
 "Date: Sun, 01 Mar 2026 14:05:00 +0100\r\n"
 "Message-ID: <1@example.de>\r\n"
 "MIME-Version: 1.0\r\n"
 "Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n"
 "--b1\r\nContent-Type: multipart/alternative; boundary=\"b2\"\r\n\r\n"
 "--b2\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>HTML version</p>\r\n"
 "--b2\r\nContent-Type: text/plain; charset=iso-8859-1\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
 "Mein Paket ist nicht angekommen. Gr=FC=DFe\r\n--b2--\r\n"
 "--b1\r\nContent-Type: image/jpeg\r\nContent-Disposition: attachment; filename=\"foto.jpg\"\r\nContent-Transfer-Encoding: base64\r\n\r\n/9j/4AAQ\r\n--b1--\r\n")
files['mailbox.mbox']=("From anna@example.de Sun Mar  1 14:05:00 2026\n"
 "From: Anna <anna@example.de>\nDate: Sun, 01 Mar 2026 14:05:00 +0100\nSubject: Order\n\nWhere is my order?\n\n"
 "From shop@example.cn Mon Mar  2 09:00:00 2026\n"
 "From: Li Wei <shop@example.cn>\nDate: Mon, 02 Mar 2026 16:00:00 +0800\nSubject: Re: Order\n\nIt shipped.\n")
files['notes.txt']="Call the buyer tomorrow.\nNothing else.\n"
for k,v in files.items():
    open(k,'w',encoding='utf-8',newline='').write(v)
bad=("\ufeff".encode()+b"1/3/26, 09:00 - Anna: first\r\n"
     b"continued\rline\n"
     b"13/3/26, 09:01 - \xe2\x80\xaeSeller gpj.exe: bad \xff\xfe bytes\r\n"
     b"13/3/26, 09:02 - Anna: bell \x07 here\n")
open('android_bad.txt','wb').write(bad)
open('empty.txt','wb').write(b'')
open('ios_utf16.txt','wb').write('\ufeff[01/03/2026, 08:00:00] Anna: Grüße 👋\r\n[13/03/2026, 08:01:00] Li Wei: ok\r\n'.encode('utf-16-le'))
