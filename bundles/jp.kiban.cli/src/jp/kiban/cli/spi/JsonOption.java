package jp.kiban.cli.spi;

import picocli.CommandLine.Option;

/** {@code --json} for a contributed command: {@code @Mixin JsonOption output;} then {@code output.json}. */
public final class JsonOption {
    @Option(names = "--json", description = "Print one JSON document on stdout instead of text.")
    public boolean json;
}
