package org.drizzle.cmdlets.utility;

import java.util.ArrayList;
import java.util.List;
import org.drizzle.cmdlets.api.Cmdlet;
import org.drizzle.cmdlets.api.Example;
import org.drizzle.cmdlets.api.Parameter;
import org.drizzle.cmdlets.format.Column;
import org.drizzle.cmdlets.lang.Comparison;
import org.drizzle.cmdlets.lang.Hashtable;
import org.drizzle.cmdlets.lang.LanguagePrimitives;
import org.drizzle.cmdlets.lang.PSCustomObject;

/** Group-Object: groups the inputs by property values (Count, Name, Group), in order of first appearance. */
@Cmdlet(verb = "Group", noun = "Object", synopsis = "Groups objects that contain the same value for specified properties.",
        description = "Outputs one object per distinct value (Count, Name, Group); equality is case-insensitive.")
@Example(code = "Get-BitsTransfer -AllUsers | Group-Object JobState", remarks = "How many jobs are in each state.")
public class GroupObjectCommand extends CollectingCommand {
    @Parameter(position = 0, help = "Properties to group by.")
    Object[] property;
    @Parameter(help = "Omit the Group member.")
    boolean noElement;
    @Parameter(aliases = "AHT", help = "Output one hashtable: each group's key to its objects.")
    boolean asHashTable;
    @Parameter(help = "With -AsHashTable, the keys are the groups' names (strings).")
    boolean asString;
    @Parameter(help = "Values that differ only in case make different groups.")
    boolean caseSensitive;

    @Override
    public void end() {
        if (items.isEmpty()) {
            return;
        }
        List<Column> keys = property == null ? List.of(new Column("", o -> o)) : Column.parse(property, items.get(0));
        List<String> names = new ArrayList<>();
        List<List<Object>> groups = new ArrayList<>();
        for (Object o : items) {
            List<String> parts = new ArrayList<>();
            keys.forEach(k -> parts.add(LanguagePrimitives.toStr(k.value().apply(o))));
            String name = String.join(", ", parts);
            int i = 0;
            while (i < names.size() && !Comparison.areEqual(names.get(i), name, caseSensitive)) {
                i++;
            }
            if (i == names.size()) {
                names.add(name);
                groups.add(new ArrayList<>());
            }
            groups.get(i).add(o);
        }
        if (asHashTable) {
            Hashtable table = new Hashtable();
            for (int i = 0; i < names.size(); i++) {
                Object key = asString || keys.size() != 1 ? names.get(i) : keys.get(0).value().apply(groups.get(i).get(0));
                table.put(key, groups.get(i));
            }
            writeObject(table);
            return;
        }
        for (int i = 0; i < names.size(); i++) {
            PSCustomObject g = new PSCustomObject();
            g.setProperty("Count", groups.get(i).size());
            g.setProperty("Name", names.get(i));
            if (!noElement) {
                g.setProperty("Group", groups.get(i));
            }
            writeObject(g);
        }
    }
}
