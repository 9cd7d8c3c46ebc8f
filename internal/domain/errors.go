package domain

import (
	"errors"
	"fmt"
)

// Error codes, defined once here and mapped once at the edge (the GraphQL error
// presenter) to extensions.code.
const (
	ENOTFOUND    = "not_found"   // the thing asked for does not exist
	EINVALID     = "invalid"     // the input breaks a rule; the message says which
	ECONFLICT    = "conflict"    // the input clashes with what is stored
	EUNAVAILABLE = "unavailable" // a backend (the database) does not answer
	EINTERNAL    = "internal"    // a bug or an unexpected failure; never shown in detail

	EUNAUTHORIZED = "unauthorized" // no credentials, or credentials that do not check out
	EFORBIDDEN    = "forbidden"    // valid credentials whose role is too low for the operation
)

// Error is an error with a code and a message meant for the user. Field, when
// set, is the path of the input at fault ("meetings[raec-5].date").
type Error struct {
	Code    string
	Field   string
	Message string
}

func (e *Error) Error() string {
	if e.Field != "" {
		return fmt.Sprintf("%s: %s", e.Field, e.Message)
	}
	return e.Message
}

// Errorf returns an *Error with the given code and a formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// Invalidf returns an EINVALID error about the input at field.
func Invalidf(field, format string, args ...any) *Error {
	return &Error{Code: EINVALID, Field: field, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of the first *Error in err's chain, EINTERNAL for
// any other non-nil error and "" for nil.
func ErrorCode(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}

// ErrorMessage returns the user-facing message of err: every problem of a
// *ValidationError, the message of an *Error, or "internal error" for
// anything else, so internals never leak.
func ErrorMessage(err error) string {
	var v *ValidationError
	if errors.As(err, &v) {
		return v.Error()
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Error()
	}
	return "internal error"
}

// Unavailable wraps a backend failure as EUNAVAILABLE, keeping the cause for logs.
func Unavailable(cause error) error {
	return &wrapped{err: &Error{Code: EUNAVAILABLE, Message: "the database is unavailable; try again shortly"}, cause: cause}
}

// Wrap returns an error that reads as e to errors.As and ErrorMessage, and
// keeps cause in its chain for logs.
func Wrap(e *Error, cause error) error { return &wrapped{err: e, cause: cause} }

type wrapped struct {
	err   *Error
	cause error
}

func (w *wrapped) Error() string   { return w.err.Error() + ": " + w.cause.Error() }
func (w *wrapped) Unwrap() []error { return []error{w.err, w.cause} }
