package org.drizzle.cmdlets.utility;

import java.util.Map;
import org.drizzle.cmdlets.api.Cmdlet;
import org.drizzle.cmdlets.api.Command;
import org.drizzle.cmdlets.api.Example;
import org.drizzle.cmdlets.api.Parameter;
import org.drizzle.cmdlets.lang.LanguagePrimitives;
import org.drizzle.cmdlets.lang.PSCustomObject;

/**
 * Add-Member: adds note properties to a [pscustomobject] (-NotePropertyName/-NotePropertyValue,
 * -NotePropertyMembers, or -MemberType NoteProperty -Name -Value) and alias properties (-MemberType
 * AliasProperty -Name -Value [-SecondValue type]). Script members, and members on other objects, are
 * refused with a clear message.
 */
@Cmdlet(verb = "Add", noun = "Member", synopsis = "Adds custom properties and methods to an instance of a PowerShell object.")
@Example(code = "$row | Add-Member -NotePropertyName Sha256 -NotePropertyValue $hash -PassThru",
        remarks = "Adds a property and outputs the object.")
public class AddMemberCommand extends Command {
    @Parameter(mandatory = true, valueFromPipeline = true, help = "The object to add to.")
    Object inputObject;
    @Parameter(position = 0, aliases = "Type", help = "The member type: NoteProperty or AliasProperty.")
    String memberType;
    @Parameter(position = 1, help = "The member name (with -MemberType).")
    String name;
    @Parameter(position = 2, help = "The member value (with -MemberType); for an AliasProperty, the property it names.")
    Object value;
    @Parameter(position = 3, help = "For an AliasProperty, the type its value is converted to ([int], 'System.String', ...).")
    Object secondValue;
    @Parameter(help = "The new property's name.")
    String notePropertyName;
    @Parameter(help = "The new property's value.")
    Object notePropertyValue;
    @Parameter(help = "A hashtable of names and values to add.")
    Map<Object, Object> notePropertyMembers;
    @Parameter(help = "Replaces a property that exists.")
    boolean force;
    @Parameter(help = "Outputs the object.")
    boolean passThru;
    @Parameter(help = "A type name to put first in the object's PSObject.TypeNames (and $obj.PSTypeNames).")
    String typeName;

    @Override
    public void process(Object input) {
        if (!(inputObject instanceof PSCustomObject o)) {
            throw new IllegalArgumentException("Add-Member: Drizzle adds members to [pscustomobject] objects only; "
                    + "make one with [pscustomobject]@{ ... }.");
        }
        boolean alias = "AliasProperty".equalsIgnoreCase(memberType);
        if (memberType != null && !memberType.equalsIgnoreCase("NoteProperty") && !alias) {
            throw new IllegalArgumentException("Add-Member -MemberType " + memberType
                    + " is not supported by Drizzle; use NoteProperty or AliasProperty.");
        }
        if (secondValue != null && !alias) {
            throw new IllegalArgumentException("The SecondValue parameter is not necessary for a member of type \""
                    + (memberType == null ? "NoteProperty" : memberType) + "\", and should not be specified. "
                    + "Do not specify the SecondValue parameter when you add members of this type.");
        }
        if (alias) {
            addAlias(o);
            if (passThru) {
                writeObject(o);
            }
            return;
        }
        if (notePropertyMembers != null) {
            notePropertyMembers.forEach((k, v) -> add(o, LanguagePrimitives.toStr(k), v));
        } else if (notePropertyName != null) {
            add(o, notePropertyName, notePropertyValue);
        } else if (name != null) {
            add(o, name, value);
        } else if (typeName == null) {
            throw new IllegalArgumentException("Add-Member needs -NotePropertyName, -NotePropertyMembers, "
                    + "-MemberType NoteProperty -Name or -TypeName.");
        }
        if (typeName != null && !typeName.isBlank()) {
            o.addTypeName(typeName.trim());
        }
        if (passThru) {
            writeObject(o);
        }
    }

    /** -MemberType AliasProperty -Name n -Value target [-SecondValue type]: n reads and writes target. */
    private void addAlias(PSCustomObject o) {
        if (name == null || value == null) {
            throw new IllegalArgumentException("The " + (name == null ? "Name" : "Value") + " parameter is required "
                    + "for a member of type \"AliasProperty\". Specify the " + (name == null ? "Name" : "Value")
                    + " parameter when adding members of this type.");
        }
        java.util.function.UnaryOperator<Object> convert = v -> v;
        if (secondValue != null) {
            String type = secondValue instanceof org.drizzle.cmdlets.lang.RuntimeType t ? t.fullName()
                    : LanguagePrimitives.toStr(secondValue);
            org.drizzle.cmdlets.dotnet.TypeAdapter adapter = org.drizzle.cmdlets.dotnet.DotNetTypes.require(type);
            convert = adapter::convert;
        }
        if (o.hasProperty(name) && !force) {
            throw new IllegalArgumentException("Cannot add a member with the name \"" + name
                    + "\" because a member with that name already exists. To overwrite the member anyway, add the Force parameter to your command.");
        }
        o.addAlias(name, LanguagePrimitives.toStr(value), convert);
    }

    private void add(PSCustomObject o, String n, Object v) {
        if (o.hasProperty(n) && !force) {
            throw new IllegalArgumentException("Cannot add a member with the name \"" + n
                    + "\" because a member with that name already exists. To overwrite the member anyway, add the Force parameter to your command.");
        }
        o.setProperty(n, v);
    }
}
