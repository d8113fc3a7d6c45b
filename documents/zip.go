package documents

import (
	"encoding/binary"
	"hash/crc32"
	"io"
	"time"
)

// The package of an OpenDocument text is written here as a zip file of
// stored (uncompressed) entries, with the standard library's encoding and
// CRC-32 only: archive/zip would register its compressors at start-up, and
// so bring the whole of compress/flate into every program that imports this
// package, the form's WebAssembly checker among them (55 KB in gzip). The
// ODF standard (part 2, « Packages ») allows stored entries, and requires
// one for « mimetype »: the files are larger, never less valid.

type zipEntry struct {
	name   string
	data   []byte
	crc    uint32
	offset uint32
}

// writeStoredZip writes the files, in order, as a zip of stored entries
// dated day (an MS-DOS date, at midnight), without extra fields.
func writeStoredZip(w io.Writer, day time.Time, files []zipEntry) error {
	date := uint16((day.Year()-1980)<<9 | int(day.Month())<<5 | day.Day())
	var out []byte
	le := binary.LittleEndian
	header := func(sig uint32, e zipEntry, central bool) {
		out = le.AppendUint32(out, sig)
		if central {
			out = le.AppendUint16(out, 20) // version made by
		}
		out = le.AppendUint16(out, 20)    // version needed: 2.0
		out = le.AppendUint16(out, 0x800) // flags: names in UTF-8
		out = le.AppendUint16(out, 0)     // method: stored
		out = le.AppendUint16(out, 0)     // time: midnight
		out = le.AppendUint16(out, date)
		out = le.AppendUint32(out, e.crc)
		out = le.AppendUint32(out, uint32(len(e.data)))
		out = le.AppendUint32(out, uint32(len(e.data)))
		out = le.AppendUint16(out, uint16(len(e.name)))
		out = le.AppendUint16(out, 0) // extra field length
		if central {
			out = le.AppendUint16(out, 0) // comment length
			out = le.AppendUint16(out, 0) // disk number
			out = le.AppendUint16(out, 0) // internal attributes
			out = le.AppendUint32(out, 0) // external attributes
			out = le.AppendUint32(out, e.offset)
		}
		out = append(out, e.name...)
	}
	for i := range files {
		e := &files[i]
		e.crc = crc32.ChecksumIEEE(e.data)
		e.offset = uint32(len(out))
		header(0x04034b50, *e, false)
		out = append(out, e.data...)
	}
	start := len(out)
	for _, e := range files {
		header(0x02014b50, e, true)
	}
	size := uint32(len(out) - start)
	out = le.AppendUint32(out, 0x06054b50)
	out = le.AppendUint16(out, 0)
	out = le.AppendUint16(out, 0)
	out = le.AppendUint16(out, uint16(len(files)))
	out = le.AppendUint16(out, uint16(len(files)))
	out = le.AppendUint32(out, size)
	out = le.AppendUint32(out, uint32(start))
	out = le.AppendUint16(out, 0)
	_, err := w.Write(out)
	return err
}
