package main

import (
	"reflect"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type unknownRule struct {
	Mail string `json:"mail,omitzero" validate:"omitempty,email"`
}

type ruleOnStruct struct {
	Inner struct {
		A string `json:"a"`
	} `json:"inner" validate:"required"`
}

type uniquePointers struct {
	List []*string `json:"list,omitzero" validate:"omitempty,unique"`
}

type omitemptyLate struct {
	Name string `json:"name,omitzero" validate:"max=20,omitempty"`
}

type good struct {
	Name string   `json:"name,omitzero" title:"Nom" validate:"omitempty,max=20"`
	Days []string `json:"days,omitzero" validate:"omitempty,max=3,dive,required"`
}

// TestGenerateRefuses: a rule the model does not know, or one this command
// does not write, fails the generation with a message naming the field.
func TestGenerateRefuses(t *testing.T) {
	tests := []struct {
		reason string
		typ    reflect.Type
		want   string
	}{
		{"the model does not know email", reflect.TypeFor[unknownRule](), `validate rule "email" is not known`},
		{"required on a struct value", reflect.TypeFor[ruleOnStruct](), `ruleOnStruct.Inner: rule "required" on a struct`},
		{"unique on a list of pointers", reflect.TypeFor[uniquePointers](), `uniquePointers.List: rule "unique" on []*string`},
		{"omitempty after a rule", reflect.TypeFor[omitemptyLate](), `omitemptyLate.Name: omitempty after another rule`},
	}
	for _, tt := range tests {
		_, err := Generate(tt.typ)
		require.Error(t, err, tt.reason)
		assert.Contains(t, err.Error(), tt.want, tt.reason)
	}
}

// TestGenerateWrites: a type the command knows how to check gives Go code
// with the rules in their order and the build constraint of the browser.
func TestGenerateWrites(t *testing.T) {
	src, err := Generate(reflect.TypeFor[good]())
	require.NoError(t, err)
	s := string(src)
	assert.Contains(t, s, "//go:build (js && wasm) || wellformedgen")
	assert.Contains(t, s, `case !(utf8.RuneCountInString(string(x.Name)) <= 20):`)
	assert.Contains(t, s, `case !(len(x.Days) <= 3):`)
	assert.Contains(t, s, `case !(x.Days[i1] != ""):`)
	assert.NotContains(t, s, `"reflect"`, "no reflection in the generated code")
}
