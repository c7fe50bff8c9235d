package fr.agir.jury;

import fr.agir.campaign.Thematic;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/** The session's members as chosen on its page: one row per person offered, ticked or not, with thematics. */
public class JuryMembersForm {
    private List<Row> rows = new ArrayList<>();

    public static class Row {
        private String username;
        private boolean selected;
        private List<Thematic> thematics = new ArrayList<>();

        public Row() {
        }

        Row(String username, boolean selected, List<Thematic> thematics) {
            this.username = username;
            this.selected = selected;
            this.thematics = new ArrayList<>(thematics);
        }

        public String getUsername() { return username; }
        public void setUsername(String username) { this.username = username; }
        public boolean isSelected() { return selected; }
        public void setSelected(boolean selected) { this.selected = selected; }
        public List<Thematic> getThematics() { return thematics; }
        public void setThematics(List<Thematic> thematics) { this.thematics = thematics == null ? new ArrayList<>() : thematics; }
    }

    List<JurySessionSetupService.MemberChoice> toChoices() {
        return rows.stream().filter(r -> r.selected && r.username != null && !r.username.isBlank())
                .map(r -> new JurySessionSetupService.MemberChoice(r.username.strip(),
                        r.thematics.isEmpty() ? EnumSet.noneOf(Thematic.class) : EnumSet.copyOf(r.thematics)))
                .toList();
    }

    public List<Row> getRows() { return rows; }
    public void setRows(List<Row> rows) { this.rows = rows == null ? new ArrayList<>() : rows; }
}
