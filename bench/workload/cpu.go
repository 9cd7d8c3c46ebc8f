package workload

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"
)

// On a machine where the load generator, the server and Neo4j share the
// cores, a system's throughput is bounded by the CPU time all three spend per
// request. A run can account for it: the CPU time (user and system) each
// named process spent during the measured window, divided by the requests
// answered in it. The load generator counts itself as "client".

// Proc is a process whose CPU time a run accounts for.
type Proc struct {
	Name string
	PID  int
}

// ParseProcs parses "name=pid,name=pid" (the --cpu flag).
func ParseProcs(s string) ([]Proc, error) {
	var out []Proc
	for _, item := range strings.Split(s, ",") {
		if item = strings.TrimSpace(item); item == "" {
			continue
		}
		name, pid, ok := strings.Cut(item, "=")
		n, err := strconv.Atoi(pid)
		if !ok || name == "" || err != nil || n <= 0 {
			return nil, fmt.Errorf("--cpu: %q is not name=pid", item)
		}
		out = append(out, Proc{Name: name, PID: n})
	}
	return out, nil
}

// userHZ is the unit of /proc/PID/stat's times: USER_HZ, 100 on every Linux
// architecture Go supports.
const userHZ = 100

// ProcCPU returns the CPU time, user and system, the process pid has spent,
// from /proc/PID/stat (Linux).
func ProcCPU(pid int) (time.Duration, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0, fmt.Errorf("the CPU time of process %d: %w", pid, err)
	}
	return parseStat(b)
}

// parseStat reads utime and stime (fields 14 and 15) of a /proc/PID/stat
// line. The command name (field 2) is in parentheses and may hold spaces and
// parentheses itself, so the fields are counted from its last ')'.
func parseStat(b []byte) (time.Duration, error) {
	i := bytes.LastIndexByte(b, ')')
	if i < 0 {
		return 0, errors.New("not a /proc/PID/stat line")
	}
	f := strings.Fields(string(b[i+1:])) // field 3 (state) onwards
	if len(f) < 13 {
		return 0, errors.New("/proc/PID/stat: too few fields")
	}
	var ticks int64
	for _, s := range f[11:13] { // utime, stime
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return 0, fmt.Errorf("/proc/PID/stat: %w", err)
		}
		ticks += n
	}
	return time.Duration(ticks) * time.Second / userHZ, nil
}

// cpuMeter reads the CPU time of a run's processes and the load generator's.
type cpuMeter struct {
	procs []Proc
	read  func(pid int) (time.Duration, error)
}

func newCPUMeter(procs []Proc, read func(int) (time.Duration, error)) *cpuMeter {
	if len(procs) == 0 {
		return nil
	}
	if read == nil {
		read = ProcCPU
	}
	return &cpuMeter{procs: append(slices.Clip(procs), Proc{Name: "client", PID: os.Getpid()}), read: read}
}

// check reads every process once, so that a bad PID fails the run before
// it starts.
func (m *cpuMeter) check() error {
	_, err := m.sample()
	return err
}

// sample returns each process's CPU time so far.
func (m *cpuMeter) sample() ([]time.Duration, error) {
	if m == nil {
		return nil, nil
	}
	out := make([]time.Duration, len(m.procs))
	for i, p := range m.procs {
		d, err := m.read(p.PID)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", p.Name, err)
		}
		out[i] = d
	}
	return out, nil
}

// perRequest returns the CPU milliseconds each process spent per request,
// given the CPU time each spent (in the order of m.procs); nil without it or
// without requests.
func (m *cpuMeter) perRequest(spent []time.Duration, requests int) map[string]float64 {
	if m == nil || len(spent) != len(m.procs) || requests == 0 {
		return nil
	}
	out := map[string]float64{}
	for i, p := range m.procs {
		out[p.Name] = float64(spent[i]) / float64(time.Millisecond) / float64(requests)
	}
	return out
}
