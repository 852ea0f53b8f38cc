//go:build unix

#include "decoder.h"

#include <dlfcn.h>
#include <errno.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include <libavcodec/avcodec.h>
#include <libavutil/log.h>
#include <libavutil/macros.h>
#include <libswscale/swscale.h>
#include <libswscale/version.h>

// The libraries' names for the major versions these headers describe: the
// structures read below are laid out as those versions lay them out.
#define LIB(name, major) "lib" name ".so." AV_STRINGIFY(major)

// What is called, looked up once.
static struct {
	const AVCodec *(*find_decoder)(enum AVCodecID);
	AVCodecContext *(*alloc_context)(const AVCodec *);
	int (*open)(AVCodecContext *, const AVCodec *, AVDictionary **);
	void (*free_context)(AVCodecContext **);
	int (*send_packet)(AVCodecContext *, const AVPacket *);
	int (*receive_frame)(AVCodecContext *, AVFrame *);
	AVPacket *(*packet_alloc)(void);
	void (*packet_free)(AVPacket **);
	int (*new_packet)(AVPacket *, int);
	void (*packet_unref)(AVPacket *);
	AVFrame *(*frame_alloc)(void);
	void (*frame_free)(AVFrame **);
	void (*frame_unref)(AVFrame *);
	void (*log_set_level)(int);
	struct SwsContext *(*sws_cached)(struct SwsContext *, int, int, enum AVPixelFormat, int, int,
		enum AVPixelFormat, int, SwsFilter *, SwsFilter *, const double *);
	int (*sws_scale)(struct SwsContext *, const uint8_t *const[], const int[], int, int,
		uint8_t *const[], const int[]);
	void (*sws_free)(struct SwsContext *);
} ff;

struct hunch_decoder {
	AVCodecContext *ctx;
	AVPacket *pkt;
	AVFrame *frame;
	struct SwsContext *sws;
};

// sym looks name up in lib, noting the first failure in err.
static void *sym(void *lib, const char *name, char *err, int errlen) {
	void *p = dlsym(lib, name);
	if (!p && err[0] == 0) {
		snprintf(err, errlen, "%s: %s", name, dlerror());
	}
	return p;
}

// open_lib opens one library, noting a failure in err.
static void *open_lib(const char *name, char *err, int errlen) {
	void *lib = dlopen(name, RTLD_NOW | RTLD_LOCAL);
	if (!lib && err[0] == 0) {
		snprintf(err, errlen, "%s", dlerror());
	}
	return lib;
}

int hunch_ff_load(char *err, int errlen) {
	err[0] = 0;
	void *util = open_lib(LIB("avutil", LIBAVUTIL_VERSION_MAJOR), err, errlen);
	void *codec = open_lib(LIB("avcodec", LIBAVCODEC_VERSION_MAJOR), err, errlen);
	void *scale = open_lib(LIB("swscale", LIBSWSCALE_VERSION_MAJOR), err, errlen);
	if (!util || !codec || !scale) {
		return -1;
	}
	ff.find_decoder = sym(codec, "avcodec_find_decoder", err, errlen);
	ff.alloc_context = sym(codec, "avcodec_alloc_context3", err, errlen);
	ff.open = sym(codec, "avcodec_open2", err, errlen);
	ff.free_context = sym(codec, "avcodec_free_context", err, errlen);
	ff.send_packet = sym(codec, "avcodec_send_packet", err, errlen);
	ff.receive_frame = sym(codec, "avcodec_receive_frame", err, errlen);
	ff.packet_alloc = sym(codec, "av_packet_alloc", err, errlen);
	ff.packet_free = sym(codec, "av_packet_free", err, errlen);
	ff.new_packet = sym(codec, "av_new_packet", err, errlen);
	ff.packet_unref = sym(codec, "av_packet_unref", err, errlen);
	ff.frame_alloc = sym(util, "av_frame_alloc", err, errlen);
	ff.frame_free = sym(util, "av_frame_free", err, errlen);
	ff.frame_unref = sym(util, "av_frame_unref", err, errlen);
	ff.log_set_level = sym(util, "av_log_set_level", err, errlen);
	ff.sws_cached = sym(scale, "sws_getCachedContext", err, errlen);
	ff.sws_scale = sym(scale, "sws_scale", err, errlen);
	ff.sws_free = sym(scale, "sws_freeContext", err, errlen);
	if (err[0] != 0) {
		return -1;
	}
	// A damaged frame is reported in one line by the caller, not by FFmpeg.
	ff.log_set_level(AV_LOG_QUIET);
	return 0;
}

hunch_decoder *hunch_ff_open(void) {
	const AVCodec *c = ff.find_decoder(AV_CODEC_ID_MJPEG);
	if (!c) {
		return NULL;
	}
	hunch_decoder *d = calloc(1, sizeof *d);
	if (!d) {
		return NULL;
	}
	d->ctx = ff.alloc_context(c);
	d->pkt = ff.packet_alloc();
	d->frame = ff.frame_alloc();
	if (!d->ctx || !d->pkt || !d->frame || ff.open(d->ctx, c, NULL) < 0) {
		hunch_ff_close(d);
		return NULL;
	}
	return d;
}

int hunch_ff_decode(hunch_decoder *d, const uint8_t *frame, int size, uint8_t *dst, int width, int height) {
	int rc = ff.new_packet(d->pkt, size);
	if (rc < 0) {
		return rc;
	}
	memcpy(d->pkt->data, frame, size);
	d->pkt->flags |= AV_PKT_FLAG_KEY;
	rc = ff.send_packet(d->ctx, d->pkt);
	ff.packet_unref(d->pkt);
	if (rc < 0) {
		return rc;
	}
	rc = ff.receive_frame(d->ctx, d->frame);
	if (rc < 0) {
		return rc;
	}
	AVFrame *f = d->frame;
	if (f->width != width || f->height != height) {
		ff.frame_unref(f);
		return HUNCH_FF_OTHER_SIZE;
	}
	// OpenCV's capture converts with these flags (cap_ffmpeg_impl.hpp):
	// the same call gives the same pixels.
	d->sws = ff.sws_cached(d->sws, width, height, f->format, width, height, AV_PIX_FMT_BGR24,
		SWS_BICUBIC, NULL, NULL, NULL);
	if (!d->sws) {
		ff.frame_unref(f);
		return AVERROR(EINVAL);
	}
	uint8_t *planes[4] = {dst, NULL, NULL, NULL};
	int strides[4] = {3 * width, 0, 0, 0};
	ff.sws_scale(d->sws, (const uint8_t *const *)f->data, f->linesize, 0, height, planes, strides);
	ff.frame_unref(f);
	return 0;
}

void hunch_ff_close(hunch_decoder *d) {
	if (!d) {
		return;
	}
	if (d->sws) {
		ff.sws_free(d->sws);
	}
	ff.frame_free(&d->frame);
	ff.packet_free(&d->pkt);
	ff.free_context(&d->ctx);
	free(d);
}
