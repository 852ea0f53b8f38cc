package main

import (
	"context"
	"io"
)

func init() {
	commands["app"] = command{summary: "watch the default camera (the default when no command is given)", hidden: true, run: runApp}
}

// runApp watches a camera (or replays a recording) and reports as it goes.
// Until the tray app lands, it is 'analyze' with the first camera as default.
func runApp(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	for _, a := range args {
		if a == "--input" || a == "-input" || a == "--camera" || a == "-camera" {
			return runAnalyze(ctx, args, stdout, stderr)
		}
	}
	return runAnalyze(ctx, append([]string{"--camera", "0", "--realtime"}, args...), stdout, stderr)
}
