package fr.agir.mail;

/** Where a message of the outbox stands: waiting (first try or retry), accepted by SMTP, given up. */
public enum MailStatus { PENDING, SENT, FAILED }
