package uk.opcc.funding.function.validation;

/** One thing wrong with an answer: which question, a stable code, and what to do about it. */
public record Problem(String field, String code, String message) {
}
