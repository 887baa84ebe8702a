package cli

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

func TestProgressBarWaitsThenDrawsThenClears(t *testing.T) {
	var buf bytes.Buffer
	b := &progressBar{w: &buf, label: "importing t", start: time.Now()}
	b.update(10)
	if buf.Len() != 0 {
		t.Fatalf("bar drawn before %v: %q", progressDelay, buf.String())
	}
	b.clear()
	if buf.Len() != 0 {
		t.Fatalf("clear erased a bar never drawn: %q", buf.String())
	}
	b.start = time.Now().Add(-2 * progressDelay)
	b.update(50)
	if got := buf.String(); !strings.HasPrefix(got, "\rimporting t [###############...............]  50%") {
		t.Fatalf("bar = %q", got)
	}
	buf.Reset()
	b.clear()
	if buf.String() != "\r\x1b[K" {
		t.Fatalf("clear wrote %q", buf.String())
	}
}

func TestProgressElapsedWhenUnknown(t *testing.T) {
	var buf bytes.Buffer
	b := &progressBar{w: &buf, label: "running", start: time.Now()}
	b.elapsed()
	if buf.Len() != 0 {
		t.Fatalf("drawn before %v: %q", progressDelay, buf.String())
	}
	b.start = time.Now().Add(-3*time.Second - 400*time.Millisecond)
	b.elapsed()
	if got := buf.String(); got != "\rrunning 3s\x1b[K" {
		t.Fatalf("line = %q", got)
	}
	buf.Reset()
	b.clear()
	if buf.String() != "\r\x1b[K" {
		t.Fatalf("clear wrote %q", buf.String())
	}
}

func TestFormatBarClamps(t *testing.T) {
	for pct, want := range map[float64]string{-5: "x [....]   0%", 100: "x [####] 100%", 250: "x [####] 100%"} {
		if got := formatBar("x", pct, 4); got != want {
			t.Errorf("formatBar(%v) = %q, want %q", pct, got, want)
		}
	}
}

func TestNoProgressOffTerminal(t *testing.T) {
	e := &env{stderr: &bytes.Buffer{}}
	if report, _ := e.newProgress("x"); report != nil {
		t.Fatal("a progress callback was made for a non-terminal stderr")
	}
}
