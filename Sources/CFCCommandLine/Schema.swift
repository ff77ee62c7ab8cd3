import ArgumentParser
import CFCSupport
import DistributionLanguage

struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema of cfc's input language (for editors).",
        discussion: """
            The same schema is in the repository as schema/cfc.schema.json. Point an editor at it \
            with the modeline '# yaml-language-server: $schema=PATH' at the top of a cfc file.
            """)

    func run() throws {
        FileIO.writeStandardOutput(JSONSchemaGenerator.generate())
    }
}
