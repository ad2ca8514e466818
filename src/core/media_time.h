// Times in a video, as people and ffmpeg read them: "00:01:23.400" and the
// -ss argument "83.400". Milliseconds are truncated, never rounded up, so
// that `ffmpeg -ss` (which outputs the first frame at or after the time)
// gives the frame itself and not the next one.
#ifndef PARCELPROOF_CORE_MEDIA_TIME_H_
#define PARCELPROOF_CORE_MEDIA_TIME_H_

#include <string>

namespace parcelproof {

// "HH:MM:SS.mmm" (hours grow beyond two digits); negative times as 0.
std::string MediaClock(double time_s);
// "S.mmm" for ffmpeg -ss; negative times as 0.
std::string SeekArgument(double time_s);

}  // namespace parcelproof

#endif  // PARCELPROOF_CORE_MEDIA_TIME_H_
