// Package guest runs a program as the first process of a throwaway Linux
// kernel under qemu, with the vivid test camera driver loaded: a real V4L2
// camera (/dev/video0) on a machine that has none.
//
// The host side fetches nothing: scripts/fetch-test-kernel.sh puts Debian's
// kernel and its media modules in KernelDir. An Initrd holds the program as
// /init, the driver's modules and any other files (a program's shared
// libraries); Boot starts qemu on it and returns what the guest printed. In
// the guest, Start mounts what a driver needs and loads the modules. The
// v4l2 package's tests run this way, and so does scripts/guestbench, which
// measures Hunch's programs watching that camera.
package guest
