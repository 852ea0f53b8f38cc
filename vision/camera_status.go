package vision

import (
	"fmt"
	"time"
)

// CameraState is the condition of a live camera, as the user is told it.
type CameraState string

// The camera states a live source reports through Config.OnCameraStatus.
const (
	// CameraWatching: frames arrive.
	CameraWatching CameraState = "watching"
	// CameraBusy: another program holds the camera; Hunch is paused and tries again.
	CameraBusy CameraState = "busy"
	// CameraLost: the camera is unplugged or stopped; Hunch tries again.
	CameraLost CameraState = "lost"
	// CameraFrozen: the picture has not changed at all for a while; Hunch
	// restarts the camera once.
	CameraFrozen CameraState = "frozen"
	// CameraResized: the picture size changed mid-run; frames are scaled
	// back to the size Hunch started with.
	CameraResized CameraState = "resized"
)

// CameraStatus is one change in a live camera's condition.
type CameraStatus struct {
	// Source names the camera ("camera 0").
	Source string
	State  CameraState
	// Message is one plain line for the user.
	Message string
	// Err is the cause, nil when watching.
	Err error
	// RetryIn is the wait before the next attempt (busy, lost).
	RetryIn time.Duration
}

// DutyCycle releases a camera between short bursts of frames, so that its
// light goes off and other programs can use it in between.
type DutyCycle struct {
	// Every is how often a burst begins; zero keeps the camera open.
	Every time.Duration
	// Frames is how many frames each burst delivers (1 when zero), at the
	// current rate.
	Frames int
}

func (d DutyCycle) frames() int { return max(d.Frames, 1) }

// describe is the user's line for a state.
func describe(src string, st CameraState, retry time.Duration) string {
	switch st {
	case CameraBusy:
		return fmt.Sprintf("Camera in use — paused (%s is held by another program; trying again in %s)", src, retry.Round(time.Second))
	case CameraLost:
		return fmt.Sprintf("Camera disconnected — waiting for %s to come back (trying again in %s)", src, retry.Round(time.Second))
	case CameraFrozen:
		return fmt.Sprintf("The picture from %s stopped changing — restarting the camera", src)
	}
	return fmt.Sprintf("Watching through %s", src)
}
