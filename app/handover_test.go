package app

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/hunch-posture/hunch/vision"
)

// handOverEngine is a test engine whose camera fails with cameraErr and
// whose demo clip with demoErr; quits says when the engine ended the app.
func handOverEngine(t *testing.T, cameraErr, demoErr error) (e *Engine, quits chan struct{}, done chan struct{}) {
	e = testEngine(t)
	quits = make(chan struct{}, 2)
	e.quit = func() { quits <- struct{}{} }
	e.open = func(vision.Config) (Source, error) { return nil, cameraErr }
	e.makeDemo = func(string) (string, error) { return "", demoErr }
	ctx, cancel := context.WithCancel(context.Background())
	done = make(chan struct{})
	go func() { e.Run(ctx); close(done) }()
	t.Cleanup(func() { cancel(); <-done })
	return e, quits, done
}

// endsForTheWholeBuild waits for the engine to end the app and its worker.
func endsForTheWholeBuild(t *testing.T, quits, done chan struct{}) {
	t.Helper()
	for _, c := range []chan struct{}{quits, done} {
		select {
		case <-c:
		case <-time.After(10 * time.Second):
			t.Fatal("the engine did not end the app for the whole build")
		}
	}
}

func TestACameraOnlyTheWholeBuildReadsEndsTheAppForIt(t *testing.T) {
	notHere := fmt.Errorf("open camera 0: %w", vision.ErrNotInThisBuild)
	e, quits, done := handOverEngine(t, notHere, nil)
	endsForTheWholeBuild(t, quits, done)
	if over, demo := e.HandedOver(); !over || demo {
		t.Errorf("HandedOver() = %v, %v; want true, false: the camera, not the demo", over, demo)
	}
}

func TestTheDemoInTheCameraOnlyBuildEndsTheAppForTheWholeOne(t *testing.T) {
	busy := fmt.Errorf("open camera 0: %w", vision.ErrCameraBusy)
	e, quits, done := handOverEngine(t, busy, fmt.Errorf("the demo clip: %w", vision.ErrNotInThisBuild))
	// A busy camera is waited for: nothing ends until the user asks for the demo.
	select {
	case <-quits:
		t.Fatal("a busy camera ended the app")
	case <-time.After(300 * time.Millisecond):
	}
	if over, _ := e.HandedOver(); over {
		t.Fatal("a busy camera was handed over")
	}
	e.StartDemo()
	endsForTheWholeBuild(t, quits, done)
	if over, demo := e.HandedOver(); !over || !demo {
		t.Errorf("HandedOver() = %v, %v; want true, true: the whole build is to play the demo", over, demo)
	}
}
