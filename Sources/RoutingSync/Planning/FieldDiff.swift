/// The managed fields of one object, compared one at a time: a field the file writes that differs from
/// the org's value becomes a ``FieldChange`` and is written into the request body.
///
/// A field the file does not write (`desired == nil`) is not managed: it is neither compared nor
/// touched, so the body keeps it as the org has it. For an object being created
/// (``init(creating:)``) every field the file writes is recorded, `from` empty.
struct FieldDiff<Body> {
    /// What is sent: the current object (or the new one) with the changed fields written over it.
    var body: Body
    /// The changes, in the order they were compared.
    private(set) var fields: [FieldChange] = []
    /// Whether a field of ``body`` changed, so the write (`PUT`, `PATCH`) is needed.
    private(set) var bodyChanged = false
    /// Whether the object is being created (nothing to compare with).
    let creating: Bool

    /// Compares the fields of an existing object; `body` is what it is now, in its writable form.
    init(updating body: Body) {
        self.body = body
        self.creating = false
    }

    /// Records the fields of an object being created; `body` is the new object so far.
    init(creating body: Body) {
        self.body = body
        self.creating = true
    }

    /// Compares one field.
    /// - Parameters:
    ///   - field: The field as the plan names it (`description`, `acwSettings.timeoutMs`).
    ///   - current: The org's value; `nil` when it has none.
    ///   - desired: The file's value; `nil` when the file does not write the field (not managed).
    ///   - absent: What a missing current value counts as (a missing description is an empty one).
    ///   - shown: A value as the plan shows it.
    ///   - write: Writes the desired value into the body.
    mutating func compare<Value: Equatable>(
        _ field: String, current: Value?, desired: Value?, absent: Value? = nil,
        shown: (Value) -> ConfigValue, write: (inout Body, Value) -> Void
    ) {
        guard let desired else { return }
        let current = creating ? nil : current
        guard creating || (current ?? absent) != desired else { return }
        fields.append(FieldChange(field: field, from: current.map(shown), to: shown(desired)))
        write(&body, desired)
        bodyChanged = true
    }

    /// Compares one field the body holds as it is compared (``compare(_:current:desired:absent:shown:write:)``).
    mutating func compare<Value: Equatable>(
        _ field: String, _ keyPath: WritableKeyPath<Body, Value?>, current: Value?, desired: Value?, absent: Value? = nil,
        shown: (Value) -> ConfigValue
    ) {
        compare(field, current: current, desired: desired, absent: absent, shown: shown) { $0[keyPath: keyPath] = $1 }
    }

    /// Records changes compared elsewhere: of the body (`changesBody`, the write is needed) or of
    /// something written by other requests (members, wrap-up codes).
    mutating func record(_ changes: [FieldChange], changesBody: Bool) {
        guard !changes.isEmpty else { return }
        fields += changes
        if changesBody { bodyChanged = true }
    }

    /// Records one change compared elsewhere (``record(_:changesBody:)``).
    mutating func record(_ change: FieldChange, changesBody: Bool) {
        record([change], changesBody: changesBody)
    }
}

extension ConfigValue {
    /// A string as a plan shows it.
    static func shown(_ value: String) -> ConfigValue { .string(value) }
    /// An integer as a plan shows it.
    static func shown(_ value: Int) -> ConfigValue { .number(Double(value)) }
    /// An API enum as a plan shows it (its raw value).
    static func shown<Value: RawRepresentable>(_ value: Value) -> ConfigValue where Value.RawValue == String {
        .string(value.rawValue)
    }
}
