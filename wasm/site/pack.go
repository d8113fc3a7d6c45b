package site

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"slices"
)

// packGap is the shortest run of zeros between two data segments that
// packData keeps as a gap; shorter runs are written out as zeros, joining
// the segments.
//
// Go's linker starts a new data segment after every run of 8 zeros or more,
// which keeps the raw file small but costs a segment header (a flag, the
// segment's address, its length: about 7 bytes) for each, and headers of
// increasing addresses compress badly, unlike zeros. The checker had 79 113
// segments, most of them in the runtime's table of function buckets (20
// bytes, mostly zeros, for each 4 KiB of code addresses). Joined where
// zeros under 1 KiB apart them, 4 segments are left: the download loses
// 132 KB in gzip -9 (1 469 897 → 1 337 656 bytes) and 87 KB in Brotli
// (1 189 078 → 1 101 764), and the raw file gains 0.80 MB of zeros (6.41 →
// 7.20 MB). Longer runs of zeros (between the linker's sections) stay gaps:
// joining them would save nothing more.
const packGap = 1024

// packData rewrites the data section of a WebAssembly module written by Go's
// linker with fewer, longer segments: the memory the module starts with is
// the same, byte for byte (a gap is zeros in a fresh memory, and the same
// zeros once written), and nothing else in the module changes. A module
// whose data section is not the simple form the linker writes (active
// segments of memory 0, each at a constant address, none overlapping
// another) is returned as it is.
func packData(module []byte) []byte {
	const header = 8 // magic and version
	if len(module) < header || !bytes.Equal(module[:4], []byte("\x00asm")) {
		return module
	}
	for p := header; p < len(module); {
		id := module[p]
		size, n := binary.Uvarint(module[p+1:])
		if n <= 0 || size > uint64(len(module)-(p+1+n)) {
			return module
		}
		body := module[p+1+n : p+1+n+int(size)]
		if id != 11 { // not the data section
			p += 1 + n + int(size)
			continue
		}
		packed, ok := packSegments(body)
		if !ok {
			return module
		}
		out := make([]byte, 0, len(module))
		out = append(out, module[:p]...)
		out = append(out, id)
		out = binary.AppendUvarint(out, uint64(len(packed)))
		out = append(out, packed...)
		return append(out, module[p+1+n+int(size):]...)
	}
	return module
}

// segment is one active data segment: the bytes written at an address.
type segment struct {
	addr int64
	data []byte
}

// packSegments reads the segments of a data section body and writes them
// again, joined where fewer than packGap zeros separate them.
func packSegments(body []byte) ([]byte, bool) {
	segs, ok := readSegments(body)
	if !ok {
		return nil, false
	}
	var joined []segment
	for _, s := range segs {
		if last := len(joined) - 1; last >= 0 {
			prev := &joined[last]
			if gap := s.addr - (prev.addr + int64(len(prev.data))); gap < packGap {
				prev.data = append(append(prev.data, make([]byte, gap)...), s.data...)
				continue
			}
		}
		joined = append(joined, segment{s.addr, append([]byte(nil), s.data...)})
	}
	out := binary.AppendUvarint(nil, uint64(len(joined)))
	for _, s := range joined {
		out = append(out, 0, 0x41)
		out = appendSleb128(out, s.addr)
		out = append(out, 0x0b)
		out = binary.AppendUvarint(out, uint64(len(s.data)))
		out = append(out, s.data...)
	}
	return out, true
}

// readSegments reads the segments of a data section body, if they are all
// active segments of memory 0 at constant addresses, not overlapping, and
// returns them in the order of their addresses.
func readSegments(body []byte) ([]segment, bool) {
	count, n := binary.Uvarint(body)
	if n <= 0 || count > uint64(len(body)) {
		return nil, false
	}
	p := n
	var segs []segment
	for range count {
		// Flag 0 (active, memory 0), then i32.const addr, end, then the
		// bytes with their length.
		if p+2 > len(body) || body[p] != 0 || body[p+1] != 0x41 {
			return nil, false
		}
		addr, n := sleb128(body[p+2:])
		if n <= 0 || addr < 0 || p+2+n >= len(body) || body[p+2+n] != 0x0b {
			return nil, false
		}
		p += 2 + n + 1
		length, n := binary.Uvarint(body[p:])
		if n <= 0 || length > uint64(len(body)-(p+n)) {
			return nil, false
		}
		data := body[p+n : p+n+int(length)]
		p += n + int(length)
		segs = append(segs, segment{addr, data})
	}
	if p != len(body) || len(segs) == 0 {
		return nil, false
	}
	// The linker writes its sections in its own order, not always by
	// address; segments that do not overlap can be written in any order.
	slices.SortStableFunc(segs, func(a, b segment) int { return cmp.Compare(a.addr, b.addr) })
	for i := 1; i < len(segs); i++ {
		if segs[i].addr < segs[i-1].addr+int64(len(segs[i-1].data)) {
			return nil, false // overlapping: the later one wins, keep them as they are
		}
	}
	return segs, true
}

// sleb128 reads a signed LEB128 number of at most 32 bits (an i32.const's),
// and returns the number of bytes read, or 0 if b does not start with one.
func sleb128(b []byte) (int64, int) {
	var v int64
	var shift uint
	for i, c := range b {
		if i == 5 {
			return 0, 0
		}
		v |= int64(c&0x7f) << shift
		shift += 7
		if c&0x80 == 0 {
			if c&0x40 != 0 {
				v |= -1 << shift
			}
			return v, i + 1
		}
	}
	return 0, 0
}

func appendSleb128(b []byte, v int64) []byte {
	for {
		c := byte(v & 0x7f)
		v >>= 7
		if (v == 0 && c&0x40 == 0) || (v == -1 && c&0x40 != 0) {
			return append(b, c)
		}
		b = append(b, c|0x80)
	}
}
