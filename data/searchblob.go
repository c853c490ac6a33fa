package data

import (
	"encoding/binary"
	"errors"
	"slices"
)

// The in-memory index is written once at import as one blob (table
// search_blob), so that a kiosk loads it in a fraction of the time it
// takes to build it from the items' tokens. Layout, all numbers unsigned
// varints: the item count; per item its kind's letter, its id, its name's
// token count, its name in each language and its first photo (hash,
// source, width, height); then per field the token count and per token its
// bytes, its item count and the items as differences from the previous.

var errBadBlob = errors.New("the stored search index is damaged")

var kindLetters = map[Kind]byte{KindVillage: 'v', KindProduct: 'p', KindTour: 't'}

func (ix *memIndex) marshal() []byte {
	var b []byte
	b = binary.AppendUvarint(b, uint64(len(ix.items)))
	for i, it := range ix.items {
		b = append(b, kindLetters[it.kind])
		b = appendString(b, it.id)
		b = binary.AppendUvarint(b, uint64(ix.nameLen[i]))
		for _, l := range Languages {
			b = appendString(b, it.row.name[l])
		}
		img := it.row.image
		b = appendString(b, img.Hash)
		b = appendString(b, img.Source)
		b = binary.AppendUvarint(b, uint64(img.Width))
		b = binary.AppendUvarint(b, uint64(img.Height))
	}
	for f := range ix.fields {
		pt := &ix.fields[f]
		b = binary.AppendUvarint(b, uint64(len(pt.tokens)))
		for t, tok := range pt.tokens {
			b = appendString(b, tok)
			items := pt.items[t]
			b = binary.AppendUvarint(b, uint64(len(items)))
			prev := uint32(0)
			for _, d := range items {
				b = binary.AppendUvarint(b, uint64(d-prev))
				prev = d
			}
		}
	}
	return b
}

func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

// blobReader reads the varints and strings of a blob, remembering the
// first error.
type blobReader struct {
	b   []byte
	err error
}

func (r *blobReader) uvarint() uint64 {
	if r.err != nil {
		return 0
	}
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.err = errBadBlob
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *blobReader) count(limit int) int {
	n := r.uvarint()
	if n > uint64(limit) {
		r.err = errBadBlob
		return 0
	}
	return int(n)
}

func (r *blobReader) string() string {
	v := r.uvarint()
	if r.err == nil && v > uint64(len(r.b)) {
		r.err = errBadBlob
	}
	if r.err != nil {
		return ""
	}
	n := int(v)
	s := string(r.b[:n])
	r.b = r.b[n:]
	return s
}

func (r *blobReader) byte() byte {
	if r.err != nil || len(r.b) == 0 {
		r.err = errBadBlob
		return 0
	}
	c := r.b[0]
	r.b = r.b[1:]
	return c
}

func unmarshalIndex(b []byte) (*memIndex, error) {
	r := &blobReader{b: b}
	n := r.count(len(b))
	ix := &memIndex{items: make([]indexedItem, n), nameLen: make([]uint16, n)}
	kinds := map[byte]Kind{}
	for k, c := range kindLetters {
		kinds[c] = k
	}
	for i := 0; i < n && r.err == nil; i++ {
		ix.items[i].kind = kinds[r.byte()]
		ix.items[i].id = r.string()
		ix.nameLen[i] = uint16(min(r.uvarint(), 65535))
		name := Text{}
		for _, l := range Languages {
			if s := r.string(); s != "" {
				name[l] = s
			}
		}
		img := Image{Hash: r.string(), Source: r.string()}
		img.Width, img.Height = int(min(r.uvarint(), 1<<20)), int(min(r.uvarint(), 1<<20))
		ix.items[i].row = hitRow{name: name, image: img}
	}
	for f := range ix.fields {
		pt := &ix.fields[f]
		nt := r.count(len(r.b))
		pt.tokens = make([]string, nt)
		pt.items = make([][]uint32, nt)
		var pool []uint32 // one allocation for many short lists
		for t := 0; t < nt && r.err == nil; t++ {
			pt.tokens[t] = r.string()
			m := r.count(n)
			if len(pool) < m {
				pool = make([]uint32, max(m, 4096))
			}
			items := pool[:m:m]
			pool = pool[m:]
			prev := uint32(0)
			for j := range items {
				prev += uint32(r.uvarint())
				if int(prev) >= n && r.err == nil {
					r.err = errBadBlob
				}
				items[j] = prev
			}
			pt.items[t] = items
		}
		if r.err == nil && !slices.IsSorted(pt.tokens) {
			r.err = errBadBlob
		}
	}
	if r.err != nil {
		return nil, r.err
	}
	return ix, nil
}
