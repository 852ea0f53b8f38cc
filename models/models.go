// Package models embeds the pretrained models Hunch runs offline, each with
// the sha256 it is expected to have. Licences and sources are in NOTICE.md
// beside each file.
package models

import _ "embed" // the models are embedded files

// BlazeFace is MediaPipe's short-range BlazeFace face detector (128×128 ONNX).
//
//go:embed blazeface/face_detection_front_128x128.onnx
var BlazeFace []byte

// BlazeFaceSHA256 is the expected sha256 of BlazeFace.
const BlazeFaceSHA256 = "d388b1cf8a5f6f1af2b3f4c14f6d0f138bab970cd618cccd12dddb7484e82e51"

// FrontalFaceCascade is OpenCV's frontal-face Haar cascade (XML), the fallback detector.
//
//go:embed cascade/haarcascade_frontalface_default.xml
var FrontalFaceCascade []byte

// FrontalFaceCascadeSHA256 is the expected sha256 of FrontalFaceCascade.
const FrontalFaceCascadeSHA256 = "0f7d4527844eb514d4a4948e822da90fbb16a34a0bbbbc6adc6498747a5aafb0"

// SelfieSegmentation is MediaPipe's selfie segmentation (256×256 ONNX, patched for OpenCV 4.6): a person mask.
//
//go:embed segmentation/selfie_segmentation.onnx
var SelfieSegmentation []byte

// SelfieSegmentationSHA256 is the expected sha256 of SelfieSegmentation.
const SelfieSegmentationSHA256 = "cb71d5e43f0ba82e13b13d289a36ba90440a74c367df2315e0b56864ce7a8bd9"
