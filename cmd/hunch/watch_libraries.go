package main

import (
	"bufio"
	"bytes"
	"debug/elf"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// The front's doctor cannot load OpenCV to see that it is installed (that
// is the half second it exists to save), so it does what the dynamic loader
// would: it reads the shared libraries hunch-watch names, and the ones those
// name in turn, and finds each in the loader's folders. A missing one is
// what would stop hunch-watch with "error while loading shared libraries".

// checkLibraries finds every library the program at path needs, directly
// or through another library, in dirs (after the RUNPATH of the one that
// names it). It says which OpenCV they include and how many there are, or
// names the first missing one and the Debian package that has it.
func checkLibraries(path string, dirs []string) (opencv string, count int, err error) {
	direct, own, err := neededLibraries(path)
	if err != nil {
		return "", 0, fmt.Errorf("cannot read %s (%v); reinstall Hunch with 'make install'", path, err)
	}
	type wanted struct {
		lib   string
		first []string // the RUNPATH of the file that names it
	}
	var queue []wanted
	for _, lib := range direct {
		queue = append(queue, wanted{lib, own})
	}
	seen := map[string]bool{}
	for ; len(queue) > 0; queue = queue[1:] {
		w := queue[0]
		if seen[w.lib] {
			continue
		}
		seen[w.lib] = true
		found := findLibrary(w.lib, slices.Concat(w.first, dirs))
		if found == "" {
			return "", 0, fmt.Errorf("%s is missing, and %s cannot start without it; %s", w.lib, filepath.Base(path), installHint(w.lib))
		}
		if strings.HasPrefix(w.lib, "libopencv_core.so.") {
			opencv = openCVVersion(w.lib)
		}
		more, its, err := neededLibraries(found)
		if err != nil {
			return "", 0, fmt.Errorf("%s cannot be read (%v); %s", found, err, installHint(w.lib))
		}
		for _, lib := range more {
			queue = append(queue, wanted{lib, its})
		}
	}
	if opencv == "" {
		return "", 0, fmt.Errorf("%s links no OpenCV; rebuild it with 'make build'", path)
	}
	return opencv, len(seen), nil
}

// neededLibraries are the libraries an ELF file names (DT_NEEDED) and the
// folders its RUNPATH (or older RPATH) adds, $ORIGIN made its own folder.
// It reads the program headers, the dynamic segment and those few strings
// alone, a read each: debug/elf reads every section header and DynString
// the whole string table, which for 250 C++ libraries is tens of megabytes
// and thousands of reads, most of doctor's time.
func neededLibraries(path string) (libs, dirs []string, err error) {
	file, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer file.Close()
	dyn, strtab, err := dynamicSegment(file)
	if err != nil || dyn == nil {
		return nil, nil, err // dyn nil: linked statically, it needs no library
	}
	for _, off := range dyn[elf.DT_NEEDED] {
		lib, err := cString(file, strtab+off)
		if err != nil {
			return nil, nil, err
		}
		libs = append(libs, lib)
	}
	for _, off := range append(dyn[elf.DT_RUNPATH], dyn[elf.DT_RPATH]...) {
		p, err := cString(file, strtab+off)
		if err != nil {
			return nil, nil, err
		}
		for _, d := range filepath.SplitList(p) {
			dirs = append(dirs, strings.ReplaceAll(d, "$ORIGIN", filepath.Dir(path)))
		}
	}
	return libs, dirs, nil
}

// elfProgram is a program header, either class.
type elfProgram struct {
	typ                elf.ProgType
	off, vaddr, filesz uint64
}

// dynamicSegment reads an ELF file's dynamic entries, by tag in order, and
// where its string table is in the file.
func dynamicSegment(r io.ReaderAt) (map[elf.DynTag][]uint64, uint64, error) {
	head := make([]byte, 64)
	if _, err := r.ReadAt(head, 0); err != nil || string(head[:4]) != elf.ELFMAG {
		return nil, 0, errors.New("not an ELF program or library")
	}
	wide := elf.Class(head[elf.EI_CLASS]) == elf.ELFCLASS64
	var order binary.ByteOrder = binary.LittleEndian
	if elf.Data(head[elf.EI_DATA]) == elf.ELFDATA2MSB {
		order = binary.BigEndian
	}
	word := func(b []byte) uint64 { // an address or offset: 8 bytes or 4
		if wide {
			return order.Uint64(b)
		}
		return uint64(order.Uint32(b))
	}
	phoff, phentsize, phnum := word(head[32:]), uint64(order.Uint16(head[54:])), uint64(order.Uint16(head[56:]))
	if !wide {
		phoff, phentsize, phnum = word(head[28:]), uint64(order.Uint16(head[42:])), uint64(order.Uint16(head[44:]))
	}
	table := make([]byte, phentsize*phnum)
	if _, err := r.ReadAt(table, int64(phoff)); err != nil {
		return nil, 0, fmt.Errorf("read its program headers: %w", err)
	}
	var progs []elfProgram
	for i := uint64(0); i < phnum; i++ {
		p := table[i*phentsize:]
		if wide {
			progs = append(progs, elfProgram{elf.ProgType(order.Uint32(p)), word(p[8:]), word(p[16:]), word(p[32:])})
		} else {
			progs = append(progs, elfProgram{elf.ProgType(order.Uint32(p)), word(p[4:]), word(p[8:]), word(p[16:])})
		}
	}
	for _, p := range progs {
		if p.typ == elf.PT_DYNAMIC {
			dyn, err := dynamicEntries(r, p, wide, word)
			if err != nil {
				return nil, 0, err
			}
			strtab, ok := fileOffset(progs, dyn[elf.DT_STRTAB])
			if !ok {
				return nil, 0, errors.New("its string table is outside the file")
			}
			return dyn, strtab, nil
		}
	}
	return nil, 0, nil
}

// dynamicEntries reads the dynamic segment p's entries, by tag, in order.
func dynamicEntries(r io.ReaderAt, p elfProgram, wide bool, word func([]byte) uint64) (map[elf.DynTag][]uint64, error) {
	data := make([]byte, p.filesz)
	if _, err := r.ReadAt(data, int64(p.off)); err != nil {
		return nil, fmt.Errorf("read its dynamic segment: %w", err)
	}
	size := 8
	if wide {
		size = 16
	}
	entries := map[elf.DynTag][]uint64{}
	for i := 0; i+size <= len(data); i += size {
		tag := elf.DynTag(word(data[i:]))
		if tag == elf.DT_NULL {
			break
		}
		entries[tag] = append(entries[tag], word(data[i+size/2:]))
	}
	return entries, nil
}

// fileOffset turns the first of addrs, an address in memory, into where it
// is in the file, through the loadable segment that holds it.
func fileOffset(progs []elfProgram, addrs []uint64) (uint64, bool) {
	if len(addrs) == 0 {
		return 0, false
	}
	for _, p := range progs {
		if p.typ == elf.PT_LOAD && addrs[0] >= p.vaddr && addrs[0] < p.vaddr+p.filesz {
			return addrs[0] - p.vaddr + p.off, true
		}
	}
	return 0, false
}

// cString reads the NUL-ended string at off in r: a library's name or a
// folder list, never longer than a path.
func cString(r io.ReaderAt, off uint64) (string, error) {
	buf := make([]byte, 512)
	n, err := r.ReadAt(buf, int64(off))
	if i := bytes.IndexByte(buf[:n], 0); i >= 0 {
		return string(buf[:i]), nil
	}
	if err == nil {
		err = errors.New("no end")
	}
	return "", fmt.Errorf("read a string of its dynamic section: %w", err)
}

// findLibrary is the first dirs/lib that exists, or "". A name with a
// slash in it is a path, as for the loader.
func findLibrary(lib string, dirs []string) string {
	if strings.Contains(lib, "/") {
		dirs = []string{""}
	}
	for _, d := range dirs {
		p := filepath.Join(d, lib)
		if st, err := os.Stat(p); err == nil && st.Mode().IsRegular() {
			return p
		}
	}
	return ""
}

// openCVVersion reads "OpenCV 4.6" from libopencv_core.so.406 (major
// version, then minor in two digits).
func openCVVersion(core string) string {
	v := core[strings.LastIndex(core, ".")+1:]
	minor, err := strconv.Atoi(v[min(1, len(v)):])
	if len(v) < 2 || err != nil {
		return "OpenCV " + v
	}
	return fmt.Sprintf("OpenCV %s.%d", v[:1], minor)
}

// installHint says how to get a missing library back: its Debian package
// for an OpenCV one (libopencv_dnn.so.406 is in libopencv-dnn406).
func installHint(lib string) string {
	if name, version, ok := strings.Cut(lib, ".so."); ok && strings.HasPrefix(name, "libopencv_") {
		return fmt.Sprintf("install it with 'sudo apt-get install %s%s', or run 'make deps' in Hunch's source folder", strings.ReplaceAll(name, "_", "-"), version)
	}
	return "run 'make deps' in Hunch's source folder to install what Hunch needs"
}

// librarySearchDirs are the folders the dynamic loader looks in, in its
// order: LD_LIBRARY_PATH, those /etc/ld.so.conf lists (and includes), then
// the system's own.
func librarySearchDirs() []string {
	dirs := filepath.SplitList(os.Getenv("LD_LIBRARY_PATH"))
	dirs = append(dirs, ldSoConfDirs("/etc/ld.so.conf", map[string]bool{})...)
	return append(dirs, "/lib64", "/usr/lib64", "/lib", "/usr/lib")
}

// ldSoConfDirs reads an ld.so.conf file: a folder a line, '#' comments,
// and 'include GLOB' lines read in turn. A file already read is not read
// again, so a loop of includes cannot hang doctor.
func ldSoConfDirs(path string, read map[string]bool) []string {
	if read[path] {
		return nil
	}
	read[path] = true
	f, err := os.Open(path)
	if err != nil {
		return nil
	}
	defer f.Close()
	var dirs []string
	lines := bufio.NewScanner(f)
	for lines.Scan() {
		line, _, _ := strings.Cut(lines.Text(), "#")
		line = strings.TrimSpace(line)
		if glob, ok := strings.CutPrefix(line, "include "); ok {
			glob = strings.TrimSpace(glob)
			if !filepath.IsAbs(glob) {
				glob = filepath.Join(filepath.Dir(path), glob)
			}
			files, _ := filepath.Glob(glob) // a bad pattern includes nothing, as for the loader
			for _, inc := range files {
				dirs = append(dirs, ldSoConfDirs(inc, read)...)
			}
		} else if line != "" {
			dirs = append(dirs, line)
		}
	}
	return dirs
}
