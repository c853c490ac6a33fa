package data

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"sort"
	"testing"
	"time"
)

func TestKeyCountsTopMatchesAFullSort(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	counts := map[string]int{}
	for i := range 5000 {
		counts[fmt.Sprintf("p%04d", i)] = r.IntN(50) // many ties
	}
	all := keyCounts(counts, 0)
	if !sort.SliceIsSorted(all, func(i, j int) bool {
		return all[i].Count > all[j].Count || all[i].Count == all[j].Count && all[i].Key < all[j].Key
	}) {
		t.Fatal("not sorted")
	}
	for _, top := range []int{1, 20, 300} {
		if got := keyCounts(counts, top); !reflect.DeepEqual(got, all[:top]) {
			t.Errorf("top %d differs from the first %d of a full sort", top, top)
		}
	}
}

func TestReportTotalsMergeEqualsAddingAll(t *testing.T) {
	from := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	to := from.AddDate(0, 0, 9)
	all, _ := NewReportTotals(from, to)
	parts := []*ReportTotals{}
	r := rand.New(rand.NewPCG(5, 6))
	for p := range 3 {
		part, _ := NewReportTotals(from, to)
		for d := range 10 {
			day := from.AddDate(0, 0, d).Format(dateLayout)
			for _, row := range []DailyStat{
				{Day: day, Metric: metricEvents, Key: string(EventSessionStart), Count: r.IntN(9)},
				{Day: day, Metric: metricViewPrefix + "product", Key: fmt.Sprintf("p%d", r.IntN(30)), Count: 1 + r.IntN(5)},
				{Day: day, Metric: metricSearch, Key: "gom", Count: 1, Extra: p*100 + d},
			} {
				all.Add(row)
				part.Add(row)
			}
		}
		parts = append(parts, part)
	}
	merged, _ := NewReportTotals(from, to)
	for _, p := range parts {
		merged.Merge(p)
	}
	want, _ := all.Report(10, nil)
	got, _ := merged.Report(10, nil)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("merged report differs:\n got %+v\nwant %+v", got, want)
	}
}
