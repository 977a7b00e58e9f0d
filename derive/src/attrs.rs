//! The serde attributes `FromJson` follows, read from a type, its fields and variants;
//! any other item that changes how serde reads is refused with a message.

use syn::meta::ParseNestedMeta;
use syn::{Attribute, Error, Ident, LitStr};

/// Calls `each` for every item of every `#[serde(…)]` attribute.
fn serde_items(
    attrs: &[Attribute],
    mut each: impl FnMut(&ParseNestedMeta<'_>) -> syn::Result<()>,
) -> syn::Result<()> {
    for attr in attrs.iter().filter(|a| a.path().is_ident("serde")) {
        attr.parse_nested_meta(|meta| each(&meta))?;
    }
    Ok(())
}

/// Items that only change the output, skipped with their value.
fn serialization_only(meta: &ParseNestedMeta<'_>) -> syn::Result<bool> {
    let known = ["skip_serializing_if", "serialize_with"]
        .iter()
        .any(|k| meta.path.is_ident(k));
    if known {
        let _: LitStr = meta.value()?.parse()?;
    }
    Ok(known)
}

fn unsupported(meta: &ParseNestedMeta<'_>) -> Error {
    let item = meta
        .path
        .get_ident()
        .map_or_else(|| "this item".to_owned(), |i| format!("`{i}`"));
    meta.error(format!(
        "FromJson does not read serde's {item}; implement FromJson by hand"
    ))
}

/// A `rename_all` rule for variant names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Case {
    /// As written.
    None,
    /// `snake_case`.
    Snake,
    /// `lowercase`.
    Lower,
    /// `kebab-case`.
    Kebab,
}

impl Case {
    pub(crate) fn parse(s: &LitStr) -> syn::Result<Self> {
        match s.value().as_str() {
            "snake_case" => Ok(Case::Snake),
            "lowercase" => Ok(Case::Lower),
            "kebab-case" => Ok(Case::Kebab),
            other => Err(Error::new_spanned(
                s,
                format!("FromJson: rename_all = \"{other}\" is not read"),
            )),
        }
    }

    /// A variant's name under this rule, as serde spells it (`EChannels` → `e_channels`).
    pub(crate) fn apply(self, variant: &str) -> String {
        let sep = match self {
            Case::None => return variant.to_owned(),
            Case::Lower => return variant.to_ascii_lowercase(),
            Case::Snake => '_',
            Case::Kebab => '-',
        };
        let mut out = String::new();
        for (i, c) in variant.char_indices() {
            if c.is_uppercase() && i > 0 {
                out.push(sep);
            }
            out.push(c.to_ascii_lowercase());
        }
        out
    }
}

/// The container attributes the reader follows.
pub(crate) struct Container {
    pub(crate) case: Case,
    pub(crate) deny_unknown_fields: bool,
    pub(crate) default: bool,
    /// The member naming the variant of an internally tagged enum.
    pub(crate) tag: Option<String>,
}

impl Container {
    pub(crate) fn parse(attrs: &[Attribute]) -> syn::Result<Self> {
        let mut c = Container {
            case: Case::None,
            deny_unknown_fields: false,
            default: false,
            tag: None,
        };
        serde_items(attrs, |meta| {
            if meta.path.is_ident("rename_all") {
                c.case = Case::parse(&meta.value()?.parse()?)?;
            } else if meta.path.is_ident("deny_unknown_fields") {
                c.deny_unknown_fields = true;
            } else if meta.path.is_ident("tag") {
                c.tag = Some(meta.value()?.parse::<LitStr>()?.value());
            } else if meta.path.is_ident("default") && !meta.input.peek(syn::Token![=]) {
                c.default = true;
            } else if meta.path.is_ident("rename") && meta.input.peek(syn::Token![=]) {
                // The type's own name (in the schema and TypeScript), not how it is read.
                let _: LitStr = meta.value()?.parse()?;
            } else if !serialization_only(meta)? {
                return Err(unsupported(meta));
            }
            Ok(())
        })?;
        Ok(c)
    }

    /// Refuses a type whose schema would allow unknown members, which the reader refuses.
    pub(crate) fn strict(&self, ty: &Ident) -> syn::Result<()> {
        if self.deny_unknown_fields {
            return Ok(());
        }
        Err(Error::new_spanned(
            ty,
            "FromJson: the reader refuses unknown fields; add #[serde(deny_unknown_fields)] so \
             the schema says so too",
        ))
    }

    /// A variant's JSON name: its `rename`, else its identifier under `rename_all`.
    pub(crate) fn variant_name(&self, v: &syn::Variant) -> syn::Result<String> {
        Ok(match Variant::parse(&v.attrs)?.rename {
            Some(name) => name,
            None => self.case.apply(&v.ident.to_string()),
        })
    }
}

/// How an absent field is filled.
pub(crate) enum Absent {
    /// It is not: the field is required (or `None`, for an `Option`).
    None,
    /// `Default::default()`.
    Trait,
    /// This function's result.
    Function(syn::Path),
}

/// The field attributes the reader follows.
pub(crate) struct Field {
    pub(crate) rename: Option<String>,
    pub(crate) default: Absent,
}

impl Field {
    pub(crate) fn parse(attrs: &[Attribute]) -> syn::Result<Self> {
        let mut f = Field {
            rename: None,
            default: Absent::None,
        };
        serde_items(attrs, |meta| {
            if meta.path.is_ident("rename") {
                f.rename = Some(meta.value()?.parse::<LitStr>()?.value());
            } else if meta.path.is_ident("default") {
                f.default = if meta.input.peek(syn::Token![=]) {
                    Absent::Function(meta.value()?.parse::<LitStr>()?.parse()?)
                } else {
                    Absent::Trait
                };
            } else if !serialization_only(meta)? {
                return Err(unsupported(meta));
            }
            Ok(())
        })?;
        Ok(f)
    }
}

/// The variant attributes the reader follows.
struct Variant {
    rename: Option<String>,
}

impl Variant {
    fn parse(attrs: &[Attribute]) -> syn::Result<Self> {
        let mut v = Variant { rename: None };
        serde_items(attrs, |meta| {
            if meta.path.is_ident("rename") {
                v.rename = Some(meta.value()?.parse::<LitStr>()?.value());
            } else {
                return Err(unsupported(meta));
            }
            Ok(())
        })?;
        Ok(v)
    }
}
