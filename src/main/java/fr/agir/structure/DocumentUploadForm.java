package fr.agir.structure;

import java.io.Serializable;

/**
 * What the vault page's upload form posts besides the file: kept (as a flash attribute) to show it
 * again when the upload is refused. The type's code and the date stay text: the vault parses and
 * refuses them with its own French messages, as for the API.
 */
public class DocumentUploadForm implements Serializable {
    private String type;
    private String validUntil;
    /** Only so that a refusal naming the file sits next to the file field; never kept. */
    private transient Object file;

    public String getType() { return type; }
    public void setType(String type) { this.type = type; }
    public String getValidUntil() { return validUntil; }
    public void setValidUntil(String validUntil) { this.validUntil = validUntil; }
    public Object getFile() { return file; }
    public void setFile(Object file) { this.file = file; }
}
