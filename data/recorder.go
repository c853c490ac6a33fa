package data

import (
	"context"
	"sync"
	"sync/atomic"
	"time"
)

// Recorder buffers events and writes them in batches from its own goroutine,
// so Record never blocks the UI: a slow or locked database costs events, never
// a frozen screen.
type Recorder struct {
	st      *Store
	opt     RecorderOptions
	events  chan Event
	flushes chan chan struct{}
	quit    chan struct{}
	done    chan struct{}
	closed  atomic.Bool
	dropped atomic.Int64

	closeOnce sync.Once
	mu        sync.Mutex
	lastErr   error // the latest failed write, for Close to report
}

// RecorderOptions tune a Recorder; zero values take the defaults.
type RecorderOptions struct {
	BatchSize  int           // events per write; default 64
	FlushEvery time.Duration // how long an event may wait to be written; default 2s
	Buffer     int           // events waiting to be written before Record drops them; default 4096
	// OnError, if set, hears of every failed write (from the recorder's
	// goroutine), so that the kiosk can log it. The batch is counted as dropped.
	OnError func(error)
}

// NewRecorder starts a recorder writing to st. Close it to stop it.
func NewRecorder(st *Store, opt RecorderOptions) *Recorder {
	if opt.BatchSize <= 0 {
		opt.BatchSize = 64
	}
	if opt.FlushEvery <= 0 {
		opt.FlushEvery = 2 * time.Second
	}
	if opt.Buffer <= 0 {
		opt.Buffer = 4096
	}
	r := &Recorder{
		st:      st,
		opt:     opt,
		events:  make(chan Event, opt.Buffer),
		flushes: make(chan chan struct{}),
		quit:    make(chan struct{}),
		done:    make(chan struct{}),
	}
	go r.loop()
	return r
}

// Record queues an event. It never blocks; if the buffer is full the event is
// dropped and counted. An event without a time gets the store's clock now,
// not when it is written. Record after Close is a no-op.
func (r *Recorder) Record(e Event) {
	if r.closed.Load() {
		return
	}
	if e.At.IsZero() {
		e.At = r.st.Now()
	}
	select {
	case r.events <- e:
	default:
		r.dropped.Add(1)
	}
}

// Flush writes everything recorded so far, synchronously (tests, shutdown).
func (r *Recorder) Flush() {
	reply := make(chan struct{})
	select {
	case r.flushes <- reply:
		<-reply
	case <-r.done:
	}
}

// Dropped counts the events lost: recorded while the buffer was full, or in
// a batch that failed to be written.
func (r *Recorder) Dropped() int64 { return r.dropped.Load() }

// Close flushes and stops the goroutine; Record after Close is a no-op. It
// returns the latest failed write, if any, so that shutdown can log it.
func (r *Recorder) Close() error {
	if r == nil {
		return nil // a read-only kiosk has none (see MemoryRecorder)
	}
	r.closeOnce.Do(func() {
		r.closed.Store(true)
		close(r.quit)
	})
	<-r.done
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.lastErr
}

func (r *Recorder) loop() {
	defer close(r.done)
	tick := time.NewTicker(r.opt.FlushEvery)
	defer tick.Stop()
	batch := make([]Event, 0, r.opt.BatchSize)
	add := func(e Event) {
		batch = append(batch, e)
		if len(batch) >= r.opt.BatchSize {
			r.write(batch)
			batch = batch[:0]
		}
	}
	// drain takes only what is queued now, so that a flush ends even while
	// other goroutines keep recording.
	drain := func() {
		for n := len(r.events); n > 0; n-- {
			add(<-r.events)
		}
		if len(batch) > 0 {
			r.write(batch)
			batch = batch[:0]
		}
	}
	for {
		select {
		case e := <-r.events:
			add(e)
		case <-tick.C:
			if len(batch) > 0 {
				r.write(batch)
				batch = batch[:0]
			}
		case reply := <-r.flushes:
			drain()
			close(reply)
		case <-r.quit:
			drain()
			return
		}
	}
}

// write stores one batch. It runs on the recorder's goroutine only.
func (r *Recorder) write(batch []Event) {
	err := r.st.RecordEvents(context.Background(), batch)
	if err == nil {
		return
	}
	r.dropped.Add(int64(len(batch)))
	r.mu.Lock()
	r.lastErr = err
	r.mu.Unlock()
	if r.opt.OnError != nil {
		r.opt.OnError(err)
	}
}
