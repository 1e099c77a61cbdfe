// Debian's zlib1g-dev: the inflater for gzip'd input. inflateInit2 is a macro (it passes zlib's
// version and the stream's size), so it is wrapped in a function Swift can call.
#include <zlib.h>

// Opens `stream` to inflate one gzip member (window bits 15, plus 16 for the gzip wrapper, whose
// header and CRC-32 and size trailer zlib then checks).
static inline int czlib_inflate_init_gzip(z_stream *stream) {
    return inflateInit2(stream, 15 + 16);
}
