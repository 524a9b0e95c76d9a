// Command ferretdb runs FerretDB 1.24 with its SQLite handler for the local stack.
//
// We embed the library instead of `go install`-ing FerretDB's own cmd: the published
// module lacks the generated build/version files that cmd insists on, so that binary
// panics at start-up. The embeddable package skips that check.
package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	listenAddr := flag.String("listen-addr", "127.0.0.1:27017", "TCP address to listen on")
	dataDir := flag.String("data-dir", "", "directory for the SQLite files (created if missing)")
	logLevel := flag.String("log-level", "warn", "debug, info, warn or error")
	exitWithParent := flag.Bool("exit-with-parent", false, "exit when the parent process goes away")
	flag.Parse()

	if err := run(*listenAddr, *dataDir, *logLevel, *exitWithParent); err != nil {
		fmt.Fprintln(os.Stderr, "ferretdb:", err)
		os.Exit(1)
	}
}

func run(listenAddr, dataDir, logLevel string, exitWithParent bool) error {
	if dataDir == "" {
		return fmt.Errorf("-data-dir is required")
	}

	var level slog.Level
	if err := level.UnmarshalText([]byte(logLevel)); err != nil {
		return fmt.Errorf("bad -log-level: %w", err)
	}

	abs, err := filepath.Abs(dataDir)
	if err != nil {
		return err
	}
	if err = os.MkdirAll(abs, 0o755); err != nil {
		return err
	}

	// The library never starts its telemetry reporter when embedded; this keeps any
	// transitive code that looks at the common variable quiet too.
	_ = os.Setenv("DO_NOT_TRACK", "1")

	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level}))

	f, err := ferretdb.New(&ferretdb.Config{
		Listener:  ferretdb.ListenerConfig{TCP: listenAddr},
		Logger:    logger,
		Handler:   "sqlite",
		SQLiteURL: "file:" + abs + "/", // the trailing slash marks a directory, as the handler requires
	})
	if err != nil {
		return err
	}

	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()

	if exitWithParent {
		ctx = watchParent(ctx)
	}

	return f.Run(ctx)
}

// watchParent cancels when we are re-parented: a parent killed with SIGKILL cannot
// stop us itself, and a leftover server would hold the port for the next run.
func watchParent(ctx context.Context) context.Context {
	ctx, cancel := context.WithCancel(ctx)
	parent := os.Getppid()

	go func() {
		t := time.NewTicker(500 * time.Millisecond)
		defer t.Stop()

		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
				if os.Getppid() != parent {
					cancel()
					return
				}
			}
		}
	}()

	return ctx
}
