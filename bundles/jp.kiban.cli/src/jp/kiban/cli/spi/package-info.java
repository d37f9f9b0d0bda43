/** The extension point of {@code kiban cli}: modules register {@link jp.kiban.cli.spi.CliContribution} services. */
package jp.kiban.cli.spi;
