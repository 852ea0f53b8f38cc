package main

// The per-person evaluation on ../shared/testdata: which real frames make each
// clip. Frame numbers refer to webcam-people-b/{good,bad}/N.jpg (ranges from its
// people.csv); the set-up notes are ours, from looking at the pictures.

// frameRange is an inclusive range of frame numbers in one label folder.
type frameRange struct{ first, last int }

// evalCase is one person in one camera set-up.
type evalCase struct {
	name string
	// good and bad are the ranges of good and bad frames, in recording order.
	good, bad []frameRange
	// badMovedCamera marks bad frames recorded after the camera was moved:
	// Hunch should report setup_changed rather than judge them against the
	// old baseline.
	badMovedCamera bool
	note           string
}

var peopleCases = []evalCase{
	{name: "p1", good: []frameRange{{0, 117}}, note: "good only; 104-117 sits farther back"},
	{name: "p2", good: []frameRange{{118, 305}}, bad: []frameRange{{199, 276}}, note: "leaning in close"},
	{name: "p2 moved", good: []frameRange{{118, 305}}, bad: []frameRange{{277, 415}}, badMovedCamera: true, note: "leaning far back, camera moved"},
	{name: "p3 A", good: []frameRange{{306, 407}}, bad: []frameRange{{132, 198}}, note: "so close the face leaves the picture"},
	{name: "p3 B", good: []frameRange{{408, 506}}, note: "good only, second set-up"},
	{name: "p3 C", good: []frameRange{{507, 708}}, note: "good only, third set-up"},
	{name: "p3 moved", good: []frameRange{{507, 708}}, bad: []frameRange{{517, 1017}}, badMovedCamera: true, note: "head on one side, sliding down, leaning in; camera moved"},
}
