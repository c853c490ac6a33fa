package data

import "sync"

// MemoryRecorder keeps visitor events in memory, for a kiosk whose database
// cannot be written (a read-only disk): the day's events are not lost to an
// error on every tap, and the newest are kept up to a limit.
type MemoryRecorder struct {
	mu      sync.Mutex
	events  []Event
	limit   int
	dropped int
}

// NewMemoryRecorder keeps up to limit events, dropping the oldest beyond.
func NewMemoryRecorder(limit int) *MemoryRecorder {
	return &MemoryRecorder{limit: max(1, limit)}
}

// Record keeps e.
func (m *MemoryRecorder) Record(e Event) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if len(m.events) >= m.limit {
		n := copy(m.events, m.events[1:])
		m.events = m.events[:n]
		m.dropped++
	}
	m.events = append(m.events, e)
}

// Events returns the events kept, oldest first, and how many were dropped.
func (m *MemoryRecorder) Events() ([]Event, int) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return append([]Event(nil), m.events...), m.dropped
}
