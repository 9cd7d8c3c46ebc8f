package domain

// Role is the capacity in which a person appeared at a meeting.
type Role string

// Roles.
const (
	RoleOpeningSpeech Role = "OPENING_SPEECH"
	RoleSpeaker       Role = "SPEAKER"
	RoleModerator     Role = "MODERATOR"
	RolePanellist     Role = "PANELLIST"
	RoleParticipant   Role = "PARTICIPANT"
)

// Roles lists every Role.
var Roles = []Role{RoleOpeningSpeech, RoleSpeaker, RoleModerator, RolePanellist, RoleParticipant}

// Appearance is a person's appearance at a meeting (APPEARED_AT), with the
// title and institution the person held at that time.
type Appearance struct {
	MeetingID     string
	PersonID      string
	Roles         []Role // a person may open a meeting and moderate it
	Title         string // the title at the time, as the source gives it
	InstitutionID string // the institution at the time; "" if none is stated
	CountryID     string // the country the person represented, if stated
	Session       string
	Order         int // order of speaking within the meeting, from 1; 0 if unknown
	Sources       []SourceRef
}

// OrderKey is the sort key of an order of speaking: unknown (0) sorts after
// every known order.
func OrderKey(order int) int {
	if order <= 0 {
		return int(^uint(0) >> 1)
	}
	return order
}

// KnownOrder returns Order, or nil when it is unknown (0).
func (a *Appearance) KnownOrder() *int { return known(a.Order) }
