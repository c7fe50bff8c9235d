package fr.agir.reporting;

import jakarta.validation.constraints.Size;

/** « Relance effectuée »: how and when the structure was contacted, what was said. */
public class FollowUpForm {
    private String channel;
    /** yyyy-mm-dd, as {@code <input type="date">} sends it. */
    private String contactedOn;
    @Size(max = 2000, message = "Au plus 2000 caractères")
    private String comment;

    public String getChannel() { return channel; }
    public void setChannel(String channel) { this.channel = channel; }
    public String getContactedOn() { return contactedOn; }
    public void setContactedOn(String contactedOn) { this.contactedOn = contactedOn; }
    public String getComment() { return comment; }
    public void setComment(String comment) { this.comment = comment; }
}
