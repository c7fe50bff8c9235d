package fr.agir.instruction;

import java.util.ArrayList;
import java.util.List;

/** The directorate form as the page posts it: the mailboxes one per line, the thematics ticked. */
public class DirectorateForm {
    private String code;
    private String name;
    private String mailboxes;
    private List<String> thematics = new ArrayList<>();
    private boolean active = true;

    static DirectorateForm of(DirectorateProfile p) {
        DirectorateForm f = new DirectorateForm();
        f.code = p.getCode();
        f.name = p.getName();
        f.mailboxes = String.join("\n", p.getMailboxes());
        f.thematics = new ArrayList<>(p.getThematics().stream().map(Enum::name).toList());
        f.active = p.isActive();
        return f;
    }

    DirectorateRegistry.Settings settings() {
        return new DirectorateRegistry.Settings(code, name, mailboxes, thematics, active);
    }

    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getMailboxes() { return mailboxes; }
    public void setMailboxes(String mailboxes) { this.mailboxes = mailboxes; }
    public List<String> getThematics() { return thematics; }
    public void setThematics(List<String> thematics) { this.thematics = thematics == null ? new ArrayList<>() : thematics; }
    public boolean isActive() { return active; }
    public void setActive(boolean active) { this.active = active; }
}
