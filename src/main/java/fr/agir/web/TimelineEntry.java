package fr.agir.web;

import java.time.Instant;

/** One line of a history in words (fragments/ui :: timeline): when, what happened, by whom (a name), details as typed. */
public record TimelineEntry(Instant at, String what, String who, String detail) {
}
