//go:build !front && !cameraonly

package main

// The per-person evaluation on ../shared/testdata: which real frames make each
// clip. Frame numbers refer to {good,bad}/N.jpg in the case's folder (ranges
// from its people.csv); the set-up notes are ours, from looking at the
// pictures. They describe the data; no rule of the judgement refers to them.

// frameRange is an inclusive range of frame numbers in one label folder.
type frameRange struct{ first, last int }

// evalCase is one person in one camera set-up.
type evalCase struct {
	name string
	// person names whose frames these are: leave-one-person-out leaves out
	// every case of a person together.
	person string
	// dir is the folder under testdata/ holding the frames.
	dir string
	// build, when set, lays out the clip instead of the ranges below.
	build func(dir string) ([]labelledFrame, error)
	// good and bad are the ranges of good and bad frames, in recording order.
	good, bad []frameRange
	// badMovedCamera marks bad frames recorded after the camera was moved:
	// Hunch should report setup_changed rather than judge them against the
	// old baseline.
	badMovedCamera bool
	// generated marks a clip generated from one real frame: it is fitted on
	// but not counted among the people.
	generated bool
	// redistributable marks frames whose licence lets weights fitted on
	// them be shipped (see ../shared/README.md): only these make the
	// embedded model.
	redistributable bool
	note            string
}

const peopleB, peopleC = "webcam-people-b", "webcam-people-c"

var peopleCases = []evalCase{
	{name: "p1", person: "p1", dir: peopleB, good: []frameRange{{0, 117}}, note: "good only; 104-117 sits farther back"},
	{person: "p2", dir: peopleB, name: "p2", good: []frameRange{{118, 305}}, bad: []frameRange{{199, 276}}, note: "leaning in close"},
	{person: "p2", dir: peopleB, name: "p2 moved", good: []frameRange{{118, 305}}, bad: []frameRange{{277, 415}}, badMovedCamera: true, note: "leaning far back, camera moved"},
	{person: "p3", dir: peopleB, name: "p3 A", good: []frameRange{{306, 407}}, bad: []frameRange{{132, 198}}, note: "so close the face leaves the picture"},
	{person: "p3", dir: peopleB, name: "p3 B", good: []frameRange{{408, 506}}, note: "good only, second set-up"},
	{person: "p3", dir: peopleB, name: "p3 C", good: []frameRange{{507, 708}}, note: "good only, third set-up"},
	{person: "p3", dir: peopleB, name: "p3 moved", good: []frameRange{{507, 708}}, bad: []frameRange{{517, 1017}}, badMovedCamera: true, note: "head on one side, sliding down, leaning in; camera moved"},
	{person: "session-a", dir: "webcam-session-a", name: "session-a", build: sessionAClip, redistributable: true, note: "sinking down in the chair"},
	{person: "q1", dir: peopleC, name: "q1", good: []frameRange{{225, 464}}, bad: []frameRange{{350, 587}}, note: "mostly leaning in close; camera held"},
	{person: "q2", dir: peopleC, name: "q2", good: []frameRange{{540, 720}}, bad: []frameRange{{588, 669}}, note: "slumping and leaning in; framing varies"},
}
