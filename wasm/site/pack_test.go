package site

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// module writes a WebAssembly module of the given sections (id, body).
func module(sections ...[]byte) []byte {
	out := []byte("\x00asm\x01\x00\x00\x00")
	for _, s := range sections {
		out = append(out, s[0])
		out = binary.AppendUvarint(out, uint64(len(s)-1))
		out = append(out, s[1:]...)
	}
	return out
}

// dataSection writes a data section of active segments, as Go's linker does.
func dataSection(segs ...segment) []byte {
	body := binary.AppendUvarint(nil, uint64(len(segs)))
	for _, s := range segs {
		body = append(body, 0, 0x41)
		body = appendSleb128(body, s.addr)
		body = append(body, 0x0b)
		body = binary.AppendUvarint(body, uint64(len(s.data)))
		body = append(body, s.data...)
	}
	return append([]byte{11}, body...)
}

// sections splits a module into its data section's body and its other
// sections, each with its id first, in order.
func sections(t *testing.T, m []byte) (data []byte, others [][]byte) {
	t.Helper()
	for p := 8; p < len(m); {
		size, n := binary.Uvarint(m[p+1:])
		require.Positive(t, n)
		if m[p] == 11 {
			data = m[p+1+n : p+1+n+int(size)]
		} else {
			others = append(others, append([]byte{m[p]}, m[p+1+n:p+1+n+int(size)]...))
		}
		p += 1 + n + int(size)
	}
	return data, others
}

// memory is the memory a module's data section writes, from its first
// written address, and the number of segments.
func memory(t *testing.T, m []byte) ([]byte, int) {
	t.Helper()
	data, _ := sections(t, m)
	segs, ok := readSegments(data)
	require.True(t, ok, "a data section in the linker's form")
	first, last := segs[0], segs[len(segs)-1]
	mem := make([]byte, last.addr+int64(len(last.data))-first.addr)
	for _, s := range segs {
		copy(mem[s.addr-first.addr:], s.data)
	}
	return mem, len(segs)
}

// TestPackDataJoinsSegments: segments fewer than packGap zeros apart become
// one, with the zeros written; a longer gap stays; the other sections and
// the memory are unchanged, whatever the order of the segments.
func TestPackDataJoinsSegments(t *testing.T) {
	types := []byte{1, 1, 0x60, 0, 0}
	custom := append([]byte{0, 4}, "name\x01\x02"...)
	in := module(types, // the linker does not always write its segments in the order of their addresses
		dataSection(segment{200000, []byte("g")}, segment{16, []byte("ab")}, segment{20, []byte("c")}, segment{29, []byte("de")}, segment{31 + packGap, []byte("f")}),
		custom)
	saved := bytes.Clone(in)
	out := packData(in)
	assert.Equal(t, saved, in, "the input is not modified")

	inMem, inSegs := memory(t, in)
	outMem, outSegs := memory(t, out)
	assert.Equal(t, 5, inSegs)
	assert.Equal(t, 3, outSegs, "16-30 joined; 31+packGap and 200000 after long gaps")
	assert.Equal(t, inMem, outMem)
	data, _ := sections(t, out)
	segs, _ := readSegments(data)
	assert.Equal(t, []segment{{16, []byte("ab\x00\x00c\x00\x00\x00\x00\x00\x00\x00\x00de")}, {31 + packGap, []byte("f")}, {200000, []byte("g")}}, segs)
	_, inOthers := sections(t, in)
	_, outOthers := sections(t, out)
	assert.Equal(t, inOthers, outOthers)
	assert.Len(t, outOthers, 2)
}

// TestPackDataLeavesOtherModules: a module whose data section is not in the
// linker's form, or that is not a module, is returned as it is.
func TestPackDataLeavesOtherModules(t *testing.T) {
	passive := module([]byte{11, 1, 1, 1, 'x'})
	overlapping := module(dataSection(segment{16, []byte("abc")}, segment{17, []byte("d")}))
	truncated := module(dataSection(segment{16, []byte("abc")}))
	truncated = truncated[:len(truncated)-1]
	for name, m := range map[string][]byte{
		"passive segment": passive, "overlapping segments": overlapping,
		"truncated": truncated, "not a module": []byte("hello, world"), "no data section": module([]byte{1, 1, 0x60, 0, 0}),
	} {
		assert.Equal(t, m, packData(m), name)
	}
}

// TestPackedCheckerKeepsItsMemory builds the checker as the site builder
// does and packs it: the same memory from a few segments, every other
// section the same, and a smaller download.
func TestPackedCheckerKeepsItsMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("compile le vérificateur")
	}
	goBin, err := exec.LookPath("go")
	require.NoError(t, err)
	root, err := moduleRoot()
	require.NoError(t, err)
	path := filepath.Join(t.TempDir(), "checker.wasm")
	cmd := exec.Command(goBin, append(append([]string{"build"}, BuildFlags...), "-o", path, "./wasm/cmd/checker")...)
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "%s", out)
	in, err := os.ReadFile(path)
	require.NoError(t, err)

	packed := packData(in)
	inMem, inSegs := memory(t, in)
	outMem, outSegs := memory(t, packed)
	assert.Greater(t, inSegs, 1000, "the linker's many segments")
	assert.Less(t, outSegs, 10)
	assert.True(t, bytes.Equal(inMem, outMem), "the same memory")
	_, inOthers := sections(t, in)
	_, outOthers := sections(t, packed)
	assert.Equal(t, inOthers, outOthers)
	gz := func(b []byte) int {
		var buf bytes.Buffer
		w, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
		_, _ = w.Write(b)
		_ = w.Close()
		return buf.Len()
	}
	assert.Less(t, gz(packed), gz(in)*92/100, "at least 8 % smaller in gzip")
}
