#!/usr/bin/env bash
# Makes the labelled recordings that answering-machine detection is tested and measured on
# (tests/fixtures/amd/*.wav and labels.json): people answering ("Алло?", "Слушаю"), answering machines
# and network announcements, and lines where nobody speaks. Speech comes from espeak-ng, sox shapes
# it into what a phone line delivers: 8 kHz mono 16-bit, telephone band, a level, silence before and
# after, sometimes noise. A developer's tool (CI uses the committed files): run it as root or with sudo
# when espeak-ng or sox is missing. Running it again makes the same files.
set -euo pipefail

out="$(cd "$(dirname "$0")/.." && pwd)/tests/fixtures/amd"

if ! command -v espeak-ng >/dev/null 2>&1 || ! command -v sox >/dev/null 2>&1; then
  apt_get=(apt-get)
  [ "$(id -u)" -eq 0 ] || apt_get=(sudo apt-get)
  DEBIAN_FRONTEND=noninteractive "${apt_get[@]}" install -y -q --no-install-recommends espeak-ng sox
fi

# Repeatable mode: the same noise and dither on every run.
sox() { command sox -R "$@"; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"
rm -f "$out"/*.wav

# One recording a line:
# file | verdict | espeak voice | words/min | pitch | speech peak dBFS | silence before s | silence after s | noise | tones | text | what it is
# noise: "-" or colour:average dBFS (white, pink, brown; "hum" is 50 Hz mains); tones "sit" puts the special
# information tones of a network announcement first; " // " in the text is a 1.5 s pause between utterances.
# Machines are cut at 6 s: detection decides within 4.
recordings=$(cat <<'TABLE'
human-ru-allo.wav|human|ru|160|50|-3|0.2|2.5|-|-|Алло?|A man says "Алло?" and waits
human-ru-allo-female.wav|human|ru+f3|170|70|-6|0.4|2.5|-|-|Алло?|A woman says "Алло?" and waits
human-ru-da.wav|human|ru+m3|180|40|-4|0.3|2.5|-|-|Да?|A short "Да?"
human-ru-da-slushayu.wav|human|ru+f2|165|60|-8|0.5|2.5|-|-|Да, слушаю.|"Да, слушаю", a woman
human-ru-slushayu-slow.wav|human|ru|120|45|-5|0.3|2.5|-|-|Слушаю.|A slow "Слушаю"
human-ru-allo-govorite.wav|human|ru+m1|175|50|-6|0.2|2.5|-|-|Алло, говорите.|"Алло, говорите"
human-ru-allo-noise.wav|human|ru+f4|160|65|-6|0.6|2.5|white:-50|-|Алло?|"Алло?" on a line with a little hiss
human-ru-slushayu-breath.wav|human|ru+m2|150|45|-4|1.2|2.5|pink:-52|-|Слушаю.|"Слушаю" after a second's breath, faint background
human-ru-allo-twice.wav|human|ru|160|55|-5|0.3|0.2|-|-|Алло? // Алло?|"Алло?", a pause, "Алло?" again
human-ru-allo-quiet.wav|human|ru+f1|160|60|-18|0.4|2.5|-|-|Алло?|A quiet "Алло?" (far from the handset)
human-ru-da-fast.wav|human|ru+m4|230|50|-3|0.2|2.5|-|-|Да.|A quick "Да"
human-ru-kto-eto.wav|human|ru+m5|170|45|-6|0.3|2.5|-|-|Алло, кто это?|"Алло, кто это?"
human-uk-allo-slukhayu.wav|human|uk|160|50|-5|0.3|2.5|-|-|Алло, слухаю.|Ukrainian "Алло, слухаю"
human-uk-tak.wav|human|uk+f3|170|70|-6|0.4|2.5|-|-|Так?|Ukrainian "Так?", a woman
human-uk-slukhayu-vas.wav|human|uk+m3|150|40|-7|0.8|2.5|brown:-50|-|Слухаю вас.|Ukrainian "Слухаю вас", a low rumble on the line
human-uk-allo-noise.wav|human|uk+f2|165|65|-9|0.5|2.5|white:-48|-|Алло?|Ukrainian "Алло?" on a hissing line
human-en-hello.wav|human|en-gb|170|50|-5|0.3|2.5|-|-|Hello?|English "Hello?"
human-en-yes-hello.wav|human|en-us+f3|175|65|-6|0.4|2.5|-|-|Yes, hello?|American "Yes, hello?", a woman
human-ru-chatty.wav|human|ru+m2|175|50|-6|0.3|2.5|-|-|Да, алло, слушаю вас внимательно.|A talkative person: "Да, алло, слушаю вас внимательно" (four words in a row)
machine-ru-company.wav|machine|ru+f3|150|60|-4|0.3|2|-|-|Здравствуйте, вы позвонили в компанию Ромашка. К сожалению, сейчас никто не может ответить. Оставьте сообщение после сигнала.|A company's answering machine, a woman's voice
machine-ru-abonent.wav|machine|ru+f2|160|55|-6|0.2|2|-|sit|Абонент не может ответить на ваш звонок. Пожалуйста, оставьте сообщение после звукового сигнала.|A network announcement after the information tones: "Абонент не может ответить"
machine-ru-switched-off.wav|machine|ru+f4|165|60|-5|0.1|2|-|-|Аппарат абонента выключен или находится вне зоны действия сети.|Network announcement: the phone is switched off
machine-ru-autoresponder.wav|machine|ru+m3|170|45|-6|0.6|2|-|-|Вас приветствует автоответчик. Говорите после сигнала.|A home answering machine, a man's voice
machine-ru-support.wav|machine|ru+f1|175|60|-8|0.2|2|pink:-50|-|Добрый день! Вы позвонили в службу поддержки. Все операторы заняты, пожалуйста, оставайтесь на линии.|A support line's welcome message, faint background
machine-ru-personal.wav|machine|ru+m1|155|50|-5|0.4|2|-|-|Привет, это Сергей. Я сейчас не могу ответить, оставь сообщение, и я перезвоню.|A personal voicemail greeting
machine-ru-allo-trap.wav|machine|ru+m2|165|50|-6|0.3|2|-|-|Алло! Здравствуйте, вы позвонили Ивану Петрову, оставьте сообщение после сигнала.|A voicemail that starts with "Алло!" like a person would
machine-ru-busy-announce.wav|machine|ru|170|55|-7|0.1|2|white:-52|sit|Номер, который вы набрали, не существует. Проверьте правильность набора номера.|Network announcement after the information tones: no such number
machine-uk-company.wav|machine|uk+f3|150|65|-5|0.3|2|-|-|Добрий день, ви зателефонували до компанії Світанок. Залиште, будь ласка, повідомлення після сигналу.|A Ukrainian company's answering machine
machine-uk-abonent.wav|machine|uk+f2|160|55|-6|0.2|2|-|sit|Абонент не може відповісти на ваш дзвінок. Будь ласка, залиште повідомлення після сигналу.|A Ukrainian network announcement after the information tones
machine-uk-not-served.wav|machine|uk+m3|165|45|-6|0.2|2|-|-|Номер, який ви набрали, не обслуговується.|Ukrainian network announcement: number not in service
machine-uk-personal.wav|machine|uk+m1|170|50|-8|0.5|2|brown:-50|-|Привіт, це Олена. Мене зараз немає, залиште повідомлення.|A personal Ukrainian voicemail greeting, a low rumble
machine-en-voicemail.wav|machine|en-gb+f3|160|60|-5|0.3|2|-|-|Hello, you have reached the voicemail of John Smith. Please leave a message after the tone.|An English voicemail greeting
machine-en-unavailable.wav|machine|en-us|170|50|-6|0.2|2|-|-|The person you are calling is not available. Please leave a message after the beep.|An American carrier's voicemail announcement
machine-en-company.wav|machine|en-us+f2|175|65|-7|0.4|2|pink:-50|-|Thank you for calling Acme Corporation. All our agents are busy right now. Please stay on the line.|An American company's welcome message
machine-en-slow.wav|machine|en-gb+m3|120|40|-6|0.8|2|-|-|Hi. Leave a message.|A short, slow personal greeting with long pauses
silence-digital.wav|silence|-|-|-|-|3.5|0|-|-||Digital silence: the line is answered and nothing comes
silence-white-noise.wav|silence|-|-|-|-|3.5|0|white:-55|-||Low hiss and nothing else
silence-pink-noise.wav|silence|-|-|-|-|3.5|0|pink:-50|-||Low background noise and nothing else
silence-brown-noise.wav|silence|-|-|-|-|3.5|0|brown:-48|-||A low rumble and nothing else
silence-hum.wav|silence|-|-|-|-|3.5|0|hum:-45|-||50 Hz mains hum and nothing else
TABLE
)

# espeak speaks; sox makes it a phone line's audio: 8 kHz, telephone band, the given peak level.
speak() { # voice speed pitch peak text file
  espeak-ng -v "$1" -s "$2" -p "$3" -w "$work/raw.wav" "$5"
  sox "$work/raw.wav" -r 8000 -c 1 -b 16 "$6" gain -6 highpass 300 lowpass 3400 norm "$4"
}

noise() { # colour:dBFS seconds file
  local colour="${1%%:*}" level="${1##*:}" rms
  if [ "$colour" = hum ]; then
    sox -n -r 8000 -c 1 -b 16 "$work/raw-noise.wav" synth "$2" sine 50 gain -20
  else
    # Line noise comes through the same telephone band as speech.
    sox -n -r 8000 -c 1 -b 16 "$work/raw-noise.wav" synth "$2" "${colour}noise" gain -20 highpass 300 lowpass 3400
  fi
  # The given level is the noise's average (RMS) level, not its peaks.
  rms=$(sox "$work/raw-noise.wav" -n stat 2>&1 | awk '/RMS +amplitude/ { print $3 }')
  sox "$work/raw-noise.wav" "$3" gain "$(awk -v level="$level" -v rms="$rms" 'BEGIN { printf "%.2f", level - 20 * log(rms) / log(10) }')"
}

json_string() { printf '"%s"' "$(printf '%s' "$1" | sed 's/\\/\\\\/g; s/"/\\"/g')"; }

labels="{"
first=1
while IFS='|' read -r file verdict voice speed pitch peak before after noisy tones text what; do
  [ -n "$file" ] || continue
  parts=()
  sox -n -r 8000 -c 1 -b 16 "$work/before.wav" trim 0 "$before"
  parts+=("$work/before.wav")
  if [ "$tones" = sit ]; then
    sox -n -r 8000 -c 1 -b 16 "$work/sit.wav" synth 0.274 sine 913.8 : synth 0.274 sine 1370.6 : synth 0.380 sine 1776.7 : trim 0 0.1
    sox "$work/sit.wav" "$work/sit-level.wav" norm -12
    parts+=("$work/sit-level.wav")
  fi
  if [ -n "$text" ]; then
    sox -n -r 8000 -c 1 -b 16 "$work/pause.wav" trim 0 1.5
    n=0
    while IFS= read -r utterance; do
      [ -n "$utterance" ] || continue
      [ "$n" -eq 0 ] || parts+=("$work/pause.wav")
      speak "$voice" "$speed" "$pitch" "$peak" "$utterance" "$work/speech-$n.wav"
      parts+=("$work/speech-$n.wav")
      n=$((n + 1))
    done < <(printf '%s\n' "$text" | sed 's| // |\n|g')
  fi
  if [ "$after" != 0 ]; then
    sox -n -r 8000 -c 1 -b 16 "$work/after.wav" trim 0 "$after"
    parts+=("$work/after.wav")
  fi
  sox "${parts[@]}" "$work/line.wav"
  [ "$verdict" = machine ] && sox "$work/line.wav" "$work/cut.wav" trim 0 6 && mv "$work/cut.wav" "$work/line.wav"
  if [ "$noisy" != - ]; then
    noise "$noisy" "$(soxi -D "$work/line.wav")" "$work/noise.wav"
    sox -m -v 1 "$work/line.wav" -v 1 "$work/noise.wav" -b 16 "$out/$file"
  else
    cp "$work/line.wav" "$out/$file"
  fi
  [ $first -eq 1 ] || labels+=","
  first=0
  labels+=$'\n  '"$(json_string "$file"): { \"verdict\": \"$verdict\", \"what\": $(json_string "$what"), \"text\": $(json_string "$text") }"
done <<<"$recordings"
labels+=$'\n}\n'
printf '%s' "$labels" >"$out/labels.json"

echo "$(ls "$out"/*.wav | wc -l) recordings, $(du -ch "$out"/*.wav | tail -1 | cut -f1) in $out"
