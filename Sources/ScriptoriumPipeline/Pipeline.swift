import ScriptoriumAnnotate
import ScriptoriumClean
import ScriptoriumExport
import ScriptoriumIngest
import ScriptoriumModel
import ScriptoriumSegment
import ScriptoriumValidate

/// The order of the stages, known here and nowhere else:
///
///     RawSource ──ingest──▶ DecodedSource ──clean──▶ CleanedSource ──segment──▶ SegmentedSource
///        ──annotate──▶ [AnnotatedDocument] ──export──▶ [TEIDraft] ──validate──▶ [ValidatedTEI]
///
/// Pure: no files are read or written here (the archive does that), so the same bytes and
/// rules always give the same outcome, on any thread.
public struct Pipeline: Sendable {
    public let decoder: SourceDecoder
    public let cleaner: Cleaner
    public let segmenter: Segmenter
    public let annotator: Annotator
    public let writer: TEIWriter
    public let validator: TEIValidator

    public init(rules: CleaningRules, annotation: AnnotationRules? = nil, validator: TEIValidator) {
        decoder = SourceDecoder()
        cleaner = Cleaner(rules: rules)
        segmenter = Segmenter()
        annotator = Annotator(rules: annotation)
        writer = TEIWriter(application: ApplicationInfo(ident: "scriptorium", version: ScriptoriumVersion.current, label: "Scriptorium"))
        self.validator = validator
    }

    /// Loads the rules and compiles the schema found by `resources`.
    public init(resources: Resources) throws(PipelineSetupError) {
        let rules: CleaningRules
        do {
            rules = try CleaningRules.load(from: resources.rulesFolder)
        } catch {
            throw PipelineSetupError(underlying: error)
        }
        let annotation: AnnotationRules
        do {
            annotation = try AnnotationRules.load(from: resources.rulesFolder)
        } catch {
            throw PipelineSetupError(underlying: error)
        }
        let validator: TEIValidator
        do {
            validator = try TEIValidator(schemaPath: resources.schemaPath)
        } catch {
            throw PipelineSetupError(underlying: error)
        }
        self.init(rules: rules, annotation: annotation, validator: validator)
    }

    /// The annotated documents of one source, without exporting them: for `entities --unknown`.
    public func annotate(_ raw: RawSource) -> [AnnotatedDocument] {
        guard let decoded = try? decoder.decode(raw) else { return [] }
        return segmenter.segment(cleaner.clean(decoded)).documents.map { annotator.annotate($0) }
    }

    /// Runs every stage on one source.
    public func process(_ raw: RawSource) -> ProcessingOutcome {
        let decoded: DecodedSource
        do {
            decoded = try decoder.decode(raw)
        } catch {
            return .quarantined(QuarantineReason(error: error, encoding: nil, records: [], rejected: []))
        }
        let cleaned = cleaner.clean(decoded)
        let segmented = segmenter.segment(cleaned)
        guard !segmented.documents.isEmpty else {
            let error = NothingLeftError(name: raw.identity.name, records: segmented.records.count)
            return .quarantined(QuarantineReason(error: error, encoding: decoded.encoding, records: segmented.records, rejected: []))
        }
        let drafts = segmented.documents.map { writer.render(annotator.annotate($0)) }
        var published: [ValidatedTEI] = []
        for draft in drafts {
            do {
                published.append(try validator.validate(draft))
            } catch {
                return .quarantined(QuarantineReason(error: error, encoding: decoded.encoding, records: segmented.records, rejected: drafts))
            }
        }
        return .published(PublishedSource(documents: published, encoding: decoded.encoding, records: segmented.records, replacements: decoded.replacements))
    }
}

/// What became of a source.
public enum ProcessingOutcome: Sendable {
    case published(PublishedSource)
    case quarantined(QuarantineReason)
}

/// A source whose every document validated.
public struct PublishedSource: Sendable {
    public var documents: [ValidatedTEI]
    public var encoding: TextEncoding
    /// Every decision of the cleaner and segmenter, for the report.
    public var records: [CleaningRecord]
    /// Undecodable byte sequences replaced by U+FFFD.
    public var replacements: Int
}

/// Why a source went to quarantine, rendered for a person.
public struct QuarantineReason: Sendable {
    public var error: any ScriptoriumError
    public var encoding: TextEncoding?
    public var records: [CleaningRecord]
    public var rejected: [TEIDraft]

    public var text: String { error.description }
}

/// A source that cleaning emptied completely: there is no document to publish.
struct NothingLeftError: ScriptoriumError {
    var name: String
    var records: Int
    var stage: PipelineStage { .segment }
    var problem: String { "no document text is left after cleaning (\(records) decisions recorded)" }
    var location: SourceLocation? { SourceLocation(file: name) }
    var remedy: String { "check that the file holds a document and not only page furniture; if a rule removed real text, fix the rule and run `scriptorium rebuild`" }
}

/// The rules or the schema could not be loaded: nothing can be processed.
public struct PipelineSetupError: Error, CustomStringConvertible {
    public var underlying: any ScriptoriumError
    public var description: String { underlying.description }
}
