package cli

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/creack/pty"
	"github.com/hinshun/vt10x"
	"golang.org/x/sys/unix"
)

// termSession is the real martdb binary on a pseudo-terminal, its output
// read through a terminal emulator so tests see the screen a person sees.
type termSession struct {
	t       *testing.T
	cmd     *exec.Cmd
	ptmx    *os.File
	tty     *os.File
	vt      vt10x.Terminal
	mu      sync.Mutex
	raw     bytes.Buffer
	done    chan struct{}
	before  *unix.Termios
	history string // the history file
}

const (
	termCols = 120
	termRows = 40
)

// startTerm starts martdb with args on a new pseudo-terminal, with a new
// history file.
func startTerm(t *testing.T, args ...string) *termSession {
	t.Helper()
	return startTermHistory(t, "", args...)
}

// startTermHistory starts martdb keeping its history in the given file
// ("" for a new one).
func startTermHistory(t *testing.T, history string, args ...string) *termSession {
	t.Helper()
	bin := martdbBinary(t)
	ptmx, tty, err := pty.Open()
	if err != nil {
		t.Skipf("no pseudo-terminal: %v", err)
	}
	if err := pty.Setsize(ptmx, &pty.Winsize{Rows: termRows, Cols: termCols}); err != nil {
		t.Fatal(err)
	}
	before, err := unix.IoctlGetTermios(int(tty.Fd()), unix.TCGETS)
	if err != nil {
		t.Fatal(err)
	}
	home := t.TempDir()
	if history == "" {
		history = filepath.Join(home, "history")
	}
	cmd := exec.Command(bin, args...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = tty, tty, tty
	cmd.Env = append(os.Environ(), "TERM=xterm-256color", "HOME="+home,
		"MARTDB_HISTORY="+history, "PAGER=sed s/^/PAGED:/", "INPUTRC=/dev/null")
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	s := &termSession{t: t, cmd: cmd, ptmx: ptmx, tty: tty, done: make(chan struct{}), before: before, history: history}
	s.vt = vt10x.New(vt10x.WithSize(termCols, termRows), vt10x.WithWriter(ptmx))
	go s.pump()
	t.Cleanup(func() {
		cmd.Process.Kill()
		s.wait(5 * time.Second)
		ptmx.Close()
		tty.Close()
	})
	return s
}

// pump feeds the program's output to the emulator until it exits.
func (s *termSession) pump() {
	defer close(s.done)
	buf := make([]byte, 4096)
	for {
		n, err := s.ptmx.Read(buf)
		if n > 0 {
			s.mu.Lock()
			s.raw.Write(buf[:n])
			s.vt.Write(buf[:n])
			s.mu.Unlock()
		}
		if err != nil {
			return
		}
	}
}

// screen is the emulator's screen as text.
func (s *termSession) screen() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.vt.String()
}

// typeSlowly sends text one byte at a time, as typing does.
func (s *termSession) typeSlowly(text string) {
	for i := 0; i < len(text); i++ {
		s.send(text[i : i+1])
		time.Sleep(5 * time.Millisecond)
	}
}

func (s *termSession) send(b string) {
	if _, err := io.WriteString(s.ptmx, b); err != nil {
		s.t.Fatalf("writing to the terminal: %v", err)
	}
}

// paste sends text as a terminal does for a paste: all at once, between
// bracketed-paste markers.
func (s *termSession) paste(text string) { s.send("\x1b[200~" + text + "\x1b[201~") }

// waitFor waits until the screen contains want.
func (s *termSession) waitFor(want string, timeout time.Duration) {
	s.t.Helper()
	deadline := time.Now().Add(timeout)
	for time.Now().Before(deadline) {
		if strings.Contains(s.screen(), want) {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	s.t.Fatalf("the screen never showed %q; it shows:\n%s", want, s.screen())
}

// waitForOutput waits until the program has written want at some point,
// even if the screen no longer shows it (a progress line drawn and erased
// between two looks at the screen).
func (s *termSession) waitForOutput(want string, timeout time.Duration) {
	s.t.Helper()
	deadline := time.Now().Add(timeout)
	for time.Now().Before(deadline) {
		s.mu.Lock()
		seen := bytes.Contains(s.raw.Bytes(), []byte(want))
		s.mu.Unlock()
		if seen {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	s.t.Fatalf("the program never wrote %q; the screen shows:\n%s", want, s.screen())
}

// ready waits for the first prompt. The editor puts the terminal in raw
// mode before it draws the prompt and never asks the terminal where its
// cursor is (cursor-position-probe is off), so keys sent from then on
// are all read as typed.
func (s *termSession) ready() {
	s.t.Helper()
	s.waitFor(prompt, 20*time.Second)
}

// waitForCount waits until the screen shows sub at least n times.
func (s *termSession) waitForCount(sub string, n int, timeout time.Duration) {
	s.t.Helper()
	deadline := time.Now().Add(timeout)
	for time.Now().Before(deadline) {
		if s.count(sub) >= n {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	s.t.Fatalf("the screen never showed %q %d times; it shows:\n%s", sub, n, s.screen())
}

// findLine is the row of the screen starting with prefix, or -1.
func (s *termSession) findLine(prefix string) int {
	for y, line := range strings.Split(s.screen(), "\n") {
		if strings.HasPrefix(line, prefix) {
			return y
		}
	}
	return -1
}

// waitForLines waits until a row of the screen starts with first and
// the row below it with second.
func (s *termSession) waitForLines(first, second string, timeout time.Duration) {
	s.t.Helper()
	deadline := time.Now().Add(timeout)
	for time.Now().Before(deadline) {
		lines := strings.Split(s.screen(), "\n")
		for y := 0; y+1 < len(lines); y++ {
			if strings.HasPrefix(lines[y], first) && strings.HasPrefix(lines[y+1], second) {
				return
			}
		}
		time.Sleep(20 * time.Millisecond)
	}
	s.t.Fatalf("the screen never showed %q with %q below; it shows:\n%s", first, second, s.screen())
}

// fg is the foreground colour of the character at column x of row y.
func (s *termSession) fg(x, y int) vt10x.Color {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.vt.Cell(x, y).FG
}

// count is how many times the screen shows sub.
func (s *termSession) count(sub string) int { return strings.Count(s.screen(), sub) }

// wait waits for the program to exit and returns its exit code (-1 on
// timeout).
func (s *termSession) wait(timeout time.Duration) int {
	exited := make(chan error, 1)
	go func() { exited <- s.cmd.Wait() }()
	select {
	case err := <-exited:
		if ee, ok := err.(*exec.ExitError); ok {
			return ee.ExitCode()
		}
		return 0
	case <-time.After(timeout):
		return -1
	}
}

// checkRestored fails unless the terminal settings equal those before
// martdb started.
func (s *termSession) checkRestored() {
	s.t.Helper()
	after, err := unix.IoctlGetTermios(int(s.tty.Fd()), unix.TCGETS)
	if err != nil {
		s.t.Fatal(err)
	}
	if *after != *s.before {
		s.t.Errorf("terminal settings changed:\nbefore %+v\nafter  %+v", *s.before, *after)
	}
}
