// The C side of package ffmpeg: FFmpeg's libraries opened with dlopen on
// first use, and one Motion-JPEG frame decoded into BGR the way OpenCV's
// FFmpeg capture does it.
#ifndef HUNCH_FFMPEG_DECODER_H
#define HUNCH_FFMPEG_DECODER_H

#include <stdint.h>

typedef struct hunch_decoder hunch_decoder;

// hunch_ff_load opens the libraries; 0 on success, else it writes why
// into err (errlen bytes).
int hunch_ff_load(char *err, int errlen);

// hunch_ff_open makes a Motion-JPEG decoder, NULL when FFmpeg cannot.
hunch_decoder *hunch_ff_open(void);

// hunch_ff_decode decodes one frame of size bytes into dst, width × height
// pixels of BGR, three bytes each, rows packed. 0 on success, else a
// negative FFmpeg error, or HUNCH_FF_OTHER_SIZE for a picture of another
// size.
#define HUNCH_FF_OTHER_SIZE (-0x4855)

int hunch_ff_decode(hunch_decoder *d, const uint8_t *frame, int size, uint8_t *dst, int width, int height);

// hunch_ff_close frees a decoder.
void hunch_ff_close(hunch_decoder *d);

#endif
