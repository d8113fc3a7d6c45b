// Package difftest helps the differential tests of the generated validation
// (build tag wellformedgen): it changes a document's answers one at a time
// to values that break, or just keep, the rules of the validate tags, so
// that validator/v10 and the generated code are compared on every rule and
// not only on the documents of the corpus.
package difftest

import (
	"reflect"
	"strings"
)

// texts are strings that meet or break the formats and lengths of the
// model: empty, short, over every max, a date, « never », an impossible day,
// commune, department and SIREN codes good and bad, an enumeration value.
var texts = []string{
	"", "x", strings.Repeat("é", 5001), "never", "2025-02-30", "2024-02-29",
	"93048", "2A004", "75000", "93", "20", "732829320", "123456789", "active", "commune", "yes",
}

// bounds are the counts the tags use as bounds (max=200…); each is tried,
// and one more, as a text's length, a list's length and a number.
var bounds = []int{1, 2, 3, 5, 10, 18, 20, 30, 40, 50, 80, 100, 200, 300, 500, 1000, 2000, 5000, 10000, 15000000}

var ints = []int64{-1, 0}

var floats = []float64{-0.5, 0, 0.5, 2.5, 3, 3.5, 60, 100, 100.5}

func init() {
	for _, b := range bounds {
		ints = append(ints, int64(b), int64(b)+1)
		if b <= 5000 {
			texts = append(texts, strings.Repeat("é", b), strings.Repeat("a", b+1))
		}
	}
}

// Mutate changes the answers of *doc one at a time, calling check after
// each change with the changed value's Go path, and restores each answer
// before the next. Every list is also made empty, nil, doubled (its first
// item twice) and as long as every bound the tags use, and one more, and its first item's answers changed.
func Mutate(doc any, check func(where string)) {
	walk(reflect.ValueOf(doc).Elem(), reflect.TypeOf(doc).Elem().Name(), check)
}

func walk(v reflect.Value, where string, check func(string)) {
	switch v.Kind() {
	case reflect.Struct:
		t := v.Type()
		for i := 0; i < t.NumField(); i++ {
			if t.Field(i).IsExported() {
				walk(v.Field(i), where+"."+t.Field(i).Name, check)
			}
		}
		return
	case reflect.Pointer:
		old := reflect.New(v.Type()).Elem()
		old.Set(v)
		v.Set(reflect.Zero(v.Type()))
		check(where + "=nil")
		if v.Type().Elem().Kind() != reflect.Struct {
			v.Set(reflect.New(v.Type().Elem()))
			walk(v.Elem(), where+"*", check)
		} else if !old.IsNil() {
			v.Set(old)
			walk(v.Elem(), where+"*", check)
		}
		v.Set(old)
		return
	case reflect.Slice:
		old := reflect.New(v.Type()).Elem()
		old.Set(v)
		v.Set(reflect.Zero(v.Type()))
		check(where + "=nil")
		v.Set(reflect.MakeSlice(v.Type(), 0, 0))
		check(where + "=[]")
		item := reflect.New(v.Type().Elem()).Elem()
		if old.Len() > 0 {
			item.Set(old.Index(0))
		}
		twice := reflect.MakeSlice(v.Type(), 0, old.Len()+1)
		twice = reflect.Append(twice, item)
		twice = reflect.AppendSlice(twice, old)
		v.Set(twice)
		check(where + " doubled")
		for _, b := range bounds {
			for _, n := range []int{b, b + 1} {
				if n > 600 {
					continue
				}
				long := reflect.MakeSlice(v.Type(), n, n)
				for i := 0; i < n; i++ {
					long.Index(i).Set(item)
				}
				v.Set(long)
				check(where + " long")
			}
		}
		one := reflect.MakeSlice(v.Type(), 1, 1)
		one.Index(0).Set(item)
		v.Set(one)
		walk(v.Index(0), where+"[0]", check)
		v.Set(old)
		return
	}
	if !v.CanSet() {
		return
	}
	old := reflect.New(v.Type()).Elem()
	old.Set(v)
	switch v.Kind() {
	case reflect.String:
		for _, s := range texts {
			v.SetString(s)
			check(where + "=" + s)
		}
	case reflect.Int, reflect.Int64:
		for _, n := range ints {
			v.SetInt(n)
			check(where)
		}
	case reflect.Float64:
		for _, f := range floats {
			v.SetFloat(f)
			check(where)
		}
	case reflect.Bool:
		v.SetBool(!v.Bool())
		check(where)
	}
	v.Set(old)
}
