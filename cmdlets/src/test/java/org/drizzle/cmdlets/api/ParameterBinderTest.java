package org.drizzle.cmdlets.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.drizzle.cmdlets.lang.PSCustomObject;
import org.drizzle.engine.job.JobId;
import org.drizzle.policy.Priority;
import org.junit.jupiter.api.Test;

@SuppressWarnings("unchecked")
class ParameterBinderTest {

    @Cmdlet(verb = "Get", noun = "Thing", defaultParameterSet = "ByName", supportsShouldProcess = true)
    static class GetThing extends Command {
        @Parameter(position = 0, parameterSet = "ByName", valueFromPipelineByPropertyName = true)
        String[] name;
        @Parameter(position = 0, mandatory = true, parameterSet = "ById", valueFromPipelineByPropertyName = true)
        JobId[] jobId;
        @Parameter(parameterSet = "ByName")
        boolean allUsers;
        @Parameter
        Priority priority = Priority.FOREGROUND;
        @Parameter(aliases = "Proxy")
        String proxyUsage;
        @Parameter(validateSet = {"Download", "Upload"})
        String transferType;
        @Parameter
        int retryInterval;
    }

    @Cmdlet(verb = "Start", noun = "Copy")
    static class StartCopy extends Command {
        @Parameter(position = 0, mandatory = true, valueFromPipelineByPropertyName = true)
        List<String> source;
        @Parameter(position = 1, valueFromPipelineByPropertyName = true)
        String[] destination;
        @Parameter
        boolean asynchronous;
    }

    @Cmdlet(verb = "Write", noun = "Stuff")
    static class WriteStuff extends Command {
        @Parameter(position = 0, valueFromPipeline = true, valueFromRemainingArguments = true)
        Object[] inputObject;
        @Parameter
        boolean noNewline;
    }

    private static BoundParameters bind(Class<? extends Command> c, Argument... args) {
        return new ParameterBinder(CommandMetadata.of(c)).bind(List.of(args), false);
    }

    private static Argument named(String n, Object v) {
        return Argument.named(n, v);
    }

    @Test
    void namedValuesAreConvertedToTheDeclaredType() {
        BoundParameters b = bind(GetThing.class, named("Name", "a*"), named("RetryInterval", "60"),
                named("Priority", "high"));
        assertThat((String[]) b.get("Name")).containsExactly("a*");
        assertThat(b.get("RetryInterval")).isEqualTo(60);
        assertThat(b.get("Priority")).isEqualTo(Priority.HIGH);
        assertThat(b.parameterSetName()).isEqualTo("ByName");
    }

    @Test
    void colonFormAndSwitches() {
        BoundParameters b = bind(GetThing.class, named("AllUsers", Argument.NO_VALUE),
                new Argument("WhatIf", false, true, false));
        assertThat(b.get("AllUsers")).isEqualTo(true);
        assertThat(b.common().whatIf()).isFalse();
    }

    @Test
    void aNameWithoutValueTakesTheNextPositional() {
        BoundParameters b = bind(StartCopy.class, named("Source", Argument.NO_VALUE), Argument.positional("http://h/f"),
                named("Destination", Argument.NO_VALUE), Argument.positional("/tmp/f"));
        assertThat((List<Object>) b.get("Source")).containsExactly("http://h/f");
        assertThat((String[]) b.get("Destination")).containsExactly("/tmp/f");
    }

    @Test
    void aValuePairedWithASwitchIsPositional() {
        BoundParameters b = bind(StartCopy.class, named("Asynchronous", "http://h/f"), Argument.positional("/tmp/f"));
        assertThat(b.get("Asynchronous")).isEqualTo(true);
        assertThat((List<Object>) b.get("Source")).containsExactly("http://h/f");
        assertThat((String[]) b.get("Destination")).containsExactly("/tmp/f");
    }

    @Test
    void prefixesAndAliasesMatchCaseInsensitively() {
        BoundParameters b = bind(StartCopy.class, named("sou", "a"), named("DEST", "b"));
        assertThat((List<Object>) b.get("Source")).containsExactly("a");
        assertThat(bind(GetThing.class, named("proxy", "NoProxy")).get("ProxyUsage")).isEqualTo("NoProxy");
        assertThat(bind(GetThing.class, named("ea", "Stop")).common().errorAction()).isEqualTo(ActionPreference.STOP);
        assertThat(bind(GetThing.class, named("ErrorAction", 0)).common().errorAction())
                .isEqualTo(ActionPreference.SILENTLY_CONTINUE);
    }

    @Test
    void ambiguousPrefixListsTheCandidates() {
        assertThatThrownBy(() -> bind(GetThing.class, named("P", "x")))
                .isInstanceOf(ParameterBindingException.class)
                .hasMessageContaining("'P' is ambiguous").hasMessageContaining("-Priority").hasMessageContaining("-ProxyUsage");
    }

    @Test
    void unknownParameterSuggestsTheClosestName() {
        assertThatThrownBy(() -> bind(StartCopy.class, named("Sorce", "x")))
                .hasMessage("A parameter cannot be found that matches parameter name 'Sorce'. Did you mean -Source?")
                .satisfies(e -> assertThat(((CommandException) e).record().errorId()).isEqualTo("NamedParameterNotFound"));
        assertThatThrownBy(() -> bind(StartCopy.class, named("Zzzzzzzz", "x")))
                .hasMessageNotContaining("Did you mean");
    }

    @Test
    void whatIfExistsOnlyWhenTheCommandSupportsShouldProcess() {
        assertThatThrownBy(() -> bind(StartCopy.class, named("WhatIf", Argument.NO_VALUE)))
                .hasMessageContaining("'WhatIf'");
    }

    @Test
    void enumConversionErrorListsValidValues() {
        assertThatThrownBy(() -> bind(GetThing.class, named("Priority", "Urgent")))
                .hasMessageContaining("Cannot bind parameter 'Priority'")
                .hasMessageContaining("Urgent")
                .hasMessageContaining("Foreground, High, Normal, Low");
    }

    @Test
    void numberConversionErrorNamesTheValue() {
        assertThatThrownBy(() -> bind(GetThing.class, named("RetryInterval", "soon")))
                .hasMessageContaining("RetryInterval").hasMessageContaining("soon");
    }

    @Test
    void validateSetRejectsOtherValues() {
        assertThat(bind(GetThing.class, named("TransferType", "upload")).get("TransferType")).isEqualTo("upload");
        assertThatThrownBy(() -> bind(GetThing.class, named("TransferType", "Sideways")))
                .hasMessageContaining("\"Sideways\" does not belong to the set \"Download,Upload\"");
    }

    @Test
    void positionalBindingFollowsTheParameterSet() {
        String id = JobId.random().toString();
        BoundParameters byName = bind(GetThing.class, Argument.positional("job*"));
        assertThat(byName.parameterSetName()).isEqualTo("ByName");
        BoundParameters byId = bind(GetThing.class, named("JobId", id));
        assertThat(byId.parameterSetName()).isEqualTo("ById");
        assertThat(((JobId[]) byId.get("JobId"))[0].toString()).isEqualTo(id);
    }

    @Test
    void parametersFromDifferentSetsCannotBeMixed() {
        assertThatThrownBy(() -> bind(GetThing.class, named("AllUsers", Argument.NO_VALUE),
                named("JobId", JobId.random().toString())))
                .hasMessageContaining("Parameter set cannot be resolved");
    }

    @Test
    void arraysBindFromListsAndScalars() {
        BoundParameters b = bind(StartCopy.class, Argument.positional(List.of("a", "b")),
                Argument.positional(new Object[] {"c", "d"}));
        assertThat((List<Object>) b.get("Source")).containsExactly("a", "b");
        assertThat((String[]) b.get("Destination")).containsExactly("c", "d");
    }

    @Test
    void tooManyPositionalsIsAnError() {
        assertThatThrownBy(() -> bind(StartCopy.class, Argument.positional("a"), Argument.positional("b"),
                Argument.positional("c")))
                .hasMessage("A positional parameter cannot be found that accepts argument 'c'.");
    }

    @Test
    void remainingArgumentsAreCollected() {
        BoundParameters b = bind(WriteStuff.class, Argument.positional("a"), Argument.positional("b"),
                Argument.positional("c"));
        assertThat((Object[]) b.get("InputObject")).containsExactly("a", "b", "c");
    }

    @Test
    void missingMandatoryParameterIsNamed() {
        assertThatThrownBy(() -> bind(StartCopy.class, named("Destination", "x")))
                .hasMessage("Cannot process command because of one or more missing mandatory parameters: Source.");
    }

    @Test
    void aParameterGivenTwiceIsAnError() {
        assertThatThrownBy(() -> bind(StartCopy.class, named("Source", "a"), named("Source", "b")))
                .hasMessageContaining("'Source' is specified more than once");
    }

    @Test
    void missingArgumentIsAnError() {
        assertThatThrownBy(() -> bind(StartCopy.class, named("Source", Argument.NO_VALUE)))
                .hasMessage("Missing an argument for parameter 'Source'. Specify a parameter of type 'String[]' and try again.");
    }

    @Test
    void pipelineBindsByPropertyNamePerInput() {
        ParameterBinder binder = new ParameterBinder(CommandMetadata.of(StartCopy.class));
        BoundParameters cmd = binder.bind(List.of(named("Asynchronous", Argument.NO_VALUE)), true);
        PSCustomObject row = new PSCustomObject();
        row.setProperty("Source", "http://h/a");
        row.setProperty("destination", "/tmp/a");
        BoundParameters b = binder.bindPipelineInput(cmd, row);
        assertThat((List<Object>) b.get("Source")).containsExactly("http://h/a");
        assertThat((String[]) b.get("Destination")).containsExactly("/tmp/a");
        assertThat(b.get("Asynchronous")).isEqualTo(true);
        PSCustomObject bad = new PSCustomObject();
        bad.setProperty("Other", 1);
        assertThatThrownBy(() -> binder.bindPipelineInput(cmd, bad)).hasMessageContaining("cannot be bound");
    }

    @Test
    void pipelineBindsByValueAndPicksTheSetPerInput() {
        ParameterBinder binder = new ParameterBinder(CommandMetadata.of(GetThing.class));
        BoundParameters cmd = binder.bind(List.of(), true);
        PSCustomObject o = new PSCustomObject();
        o.setProperty("JobId", JobId.random().toString());
        assertThat(binder.bindPipelineInput(cmd, o).parameterSetName()).isEqualTo("ById");
        BoundParameters w = new ParameterBinder(CommandMetadata.of(WriteStuff.class)).bind(List.of(), true);
        assertThat((Object[]) new ParameterBinder(CommandMetadata.of(WriteStuff.class)).bindPipelineInput(w, 42)
                .get("InputObject")).containsExactly(42);
    }

    @Test
    void mandatoryPipelineParameterIsNotRequiredUpFrontWhenInputIsExpected() {
        ParameterBinder binder = new ParameterBinder(CommandMetadata.of(StartCopy.class));
        assertThat(binder.bind(List.of(), true).isBound("Source")).isFalse();
    }

    @Test
    void functionMetadataBindsLikeACmdlet() {
        ParameterMetadata url = ParameterMetadata.builder("Url").type(String.class).position(0, true, false, false).build();
        ParameterMetadata retries = ParameterMetadata.builder("Retries").type(int.class).aliases("r").build();
        CommandMetadata f = CommandMetadata.forFunction("Get-File", List.of(url, retries), null, false,
                "Downloads.", "", List.of(), null);
        BoundParameters b = new ParameterBinder(f).bind(List.of(Argument.positional("http://x"), named("r", "3")), false);
        assertThat(b.byName()).containsEntry("Url", "http://x").containsEntry("Retries", 3);
    }
}
