package guest

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// Initrd is a guest's initial file system, a newc ("070701") cpio archive:
// what the kernel unpacks into memory and starts /init from.
type Initrd struct {
	buf  bytes.Buffer
	ino  int
	dirs map[string]bool
}

// NewInitrd starts an initial file system with init as /init and the
// mount points Start uses.
func NewInitrd(init []byte) *Initrd {
	r := &Initrd{dirs: map[string]bool{}}
	for _, d := range []string{"dev", "sys", "proc", "tmp", "modules"} {
		r.dir(d)
	}
	r.add("init", 0o100755, init)
	return r
}

// AddFile adds a file at name (a path inside the guest, its folders made as
// needed).
func (r *Initrd) AddFile(name string, mode os.FileMode, data []byte) {
	name = strings.TrimPrefix(path.Clean("/"+name), "/")
	r.dir(path.Dir(name))
	r.add(name, 0o100000|uint32(mode.Perm()), data)
}

// AddHostFile adds the host's file at hostPath under the same path in the
// guest, its contents read through any symbolic link.
func (r *Initrd) AddHostFile(hostPath string) error {
	b, err := os.ReadFile(hostPath)
	if err != nil {
		return err
	}
	st, err := os.Stat(hostPath)
	if err != nil {
		return err
	}
	r.AddFile(hostPath, st.Mode(), b)
	return nil
}

// AddModules adds the kernel module top from modDir, the modules it needs,
// and their load order in /modules/order for Start.
func (r *Initrd) AddModules(modDir, top string) error {
	order, err := moduleOrder(modDir, top)
	if err != nil {
		return err
	}
	for _, m := range order {
		b, err := os.ReadFile(filepath.Join(modDir, m+".ko"))
		if err != nil {
			return err
		}
		r.add("modules/"+m+".ko", 0o100644, b)
	}
	r.add("modules/order", 0o100644, []byte(strings.Join(order, "\n")+"\n"))
	return nil
}

// Write ends the archive and writes it to path.
func (r *Initrd) Write(path string) error {
	r.add("TRAILER!!!", 0, nil)
	return os.WriteFile(path, r.buf.Bytes(), 0o600)
}

// dir adds folder name and the folders above it, once each.
func (r *Initrd) dir(name string) {
	if name == "." || name == "/" || name == "" || r.dirs[name] {
		return
	}
	r.dir(path.Dir(name))
	r.dirs[name] = true
	r.add(name, 0o040755, nil)
}

// add writes one entry of the archive.
func (r *Initrd) add(name string, mode uint32, data []byte) {
	r.ino++
	fmt.Fprintf(&r.buf, "070701%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X",
		r.ino, mode, 0, 0, 1, 0, len(data), 0, 0, 0, 0, len(name)+1, 0)
	io.WriteString(&r.buf, name+"\x00")
	r.pad()
	r.buf.Write(data)
	r.pad()
}

// pad aligns the archive to four bytes.
func (r *Initrd) pad() {
	for r.buf.Len()%4 != 0 {
		r.buf.WriteByte(0)
	}
}

// moduleOrder is top and every module it needs, each after those it needs,
// read from the depends= entries of the modules' .modinfo.
func moduleOrder(dir, top string) ([]string, error) {
	var order []string
	done := map[string]bool{}
	var visit func(name string, depth int) error
	visit = func(name string, depth int) error {
		if done[name] {
			return nil
		}
		if depth > 32 {
			return fmt.Errorf("module %s: dependencies go round in a circle", name)
		}
		b, err := os.ReadFile(filepath.Join(dir, name+".ko"))
		if err != nil {
			return fmt.Errorf("module %s: %w", name, err)
		}
		for _, dep := range moduleDepends(b) {
			if err := visit(dep, depth+1); err != nil {
				return err
			}
		}
		done[name] = true
		order = append(order, name)
		return nil
	}
	return order, visit(top, 0)
}

// moduleDepends is a module file's depends= list (file names use '-'
// where the list may use '_'; the files' are kept).
func moduleDepends(ko []byte) []string {
	i := bytes.Index(ko, []byte("\x00depends="))
	if i < 0 {
		return nil
	}
	v := ko[i+len("\x00depends="):]
	if j := bytes.IndexByte(v, 0); j >= 0 {
		v = v[:j]
	}
	var out []string
	for _, d := range strings.Split(string(v), ",") {
		if d != "" {
			out = append(out, strings.ReplaceAll(d, "_", "-"))
		}
	}
	return out
}
