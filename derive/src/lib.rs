//! `#[derive(FromJson)]`: strata-core's strict JSON reader for an input type, generated from
//! the type's own serde attributes, so the one declaration that gives the output and the
//! JSON Schema also gives what the reader accepts.
//!
//! - A struct with named fields and `#[serde(deny_unknown_fields)]` (the reader refuses
//!   unknown members, so the schema must say so). Each field is read under its name, or its
//!   `rename`: with `default = "f"` as `f()` when absent, with `default` as
//!   `Default::default()`, in a container with `#[serde(default)]` as the container default's
//!   field, as `None` when it is an `Option` (absent or `null`), and is required otherwise.
//! - An enum of unit variants, each read from its name: `rename`, else the container's
//!   `rename_all`, else the variant's identifier. It also gets `name()`, the variant's JSON
//!   name, from the same table.
//! - An enum with data and `deny_unknown_fields`: with `tag = "type"`, unit and struct
//!   variants named by that member beside their fields; without, newtype and struct variants
//!   as an object with one member named after the variant. Variants are named as above and
//!   their fields read as a struct's.
//!
//! A container's own `rename` names the type in the schema and TypeScript, not its values,
//! so it changes nothing here. Anything else serde would read differently (`flatten`,
//! `alias`, `untagged`, `with` …) is a compile error: such a type implements `FromJson` by
//! hand. The generated code names `crate::json`, so the derive is for strata-core itself.

use proc_macro::TokenStream;
use proc_macro2::TokenStream as Tokens;
use quote::quote;
use syn::{Data, DeriveInput, Error, Fields, GenericArgument, Ident, PathArguments, Type};

mod attrs;

use attrs::{Absent, Case, Container, Field};

/// Implements strata-core's `FromJson` from the type's serde attributes (see the crate doc).
#[proc_macro_derive(FromJson, attributes(serde))]
pub fn derive_from_json(input: TokenStream) -> TokenStream {
    let input = syn::parse_macro_input!(input as DeriveInput);
    expand(&input)
        .unwrap_or_else(Error::into_compile_error)
        .into()
}

/// The generated items for `input`.
fn expand(input: &DeriveInput) -> syn::Result<Tokens> {
    if !input.generics.params.is_empty() {
        return Err(Error::new_spanned(
            &input.generics,
            "FromJson: generic types are read by hand",
        ));
    }
    let container = Container::parse(&input.attrs)?;
    match &input.data {
        Data::Struct(s) => expand_struct(&input.ident, &container, &s.fields),
        Data::Enum(e)
            if e.variants.iter().all(|v| matches!(v.fields, Fields::Unit))
                && container.tag.is_none() =>
        {
            let variants = e
                .variants
                .iter()
                .map(|v| Ok((v.ident.clone(), container.variant_name(v)?)));
            expand_names(
                &input.ident,
                &container,
                &variants.collect::<syn::Result<Vec<_>>>()?,
            )
        }
        Data::Enum(e) => expand_tagged(&input.ident, &container, e),
        Data::Union(_) => Err(Error::new_spanned(
            &input.ident,
            "FromJson: unions are not read",
        )),
    }
}

/// `impl FromJson` for a struct: the member table, then each field read by name.
fn expand_struct(ty: &Ident, container: &Container, fields: &Fields) -> syn::Result<Tokens> {
    let Fields::Named(fields) = fields else {
        return Err(Error::new_spanned(
            ty,
            "FromJson: only structs with named fields are derived",
        ));
    };
    container.strict(ty)?;
    if container.case != Case::None || container.tag.is_some() {
        return Err(Error::new_spanned(
            ty,
            "FromJson: `rename_all` and `tag` on a struct are not read",
        ));
    }
    let (names, reads) = members(fields, Some((ty, container)))?;
    Ok(impl_from_json(
        ty,
        &quote! {
            let o = crate::json::Obj::new(v, path, &[#(#names),*])?;
            ::core::result::Result::Ok(#ty { #(#reads),* })
        },
    ))
}

/// The JSON names of `fields` and how each is read from `o`; `container` is the struct
/// and its attributes, for a container `default`.
fn members(
    fields: &syn::FieldsNamed,
    container: Option<(&Ident, &Container)>,
) -> syn::Result<(Vec<String>, Vec<Tokens>)> {
    let mut names = Vec::new();
    let mut reads = Vec::new();
    for f in &fields.named {
        let Some(ident) = &f.ident else { continue };
        let attrs = Field::parse(&f.attrs)?;
        let name = attrs.rename.unwrap_or_else(|| ident.to_string());
        let container_default = container.filter(|(_, c)| c.default).map(|(ty, _)| ty);
        // An `Option` with `default` is read as `optional`, which is `or_default` by name.
        let read = match (attrs.default, container_default) {
            (Absent::Function(func), _) => quote!(o.or_else(#name, #func)?),
            (Absent::Trait, _) | (Absent::None, None) if is_option(&f.ty) => {
                quote!(o.optional(#name)?)
            }
            (Absent::Trait, _) => quote!(o.or_default(#name)?),
            (Absent::None, Some(ty)) => {
                quote!(o.or_else(#name, || <#ty as ::core::default::Default>::default().#ident)?)
            }
            (Absent::None, None) => quote!(o.required(#name)?),
        };
        reads.push(quote!(#ident: #read));
        names.push(name);
    }
    Ok((names, reads))
}

/// `impl FromJson` for an enum with data: internally tagged (`tag = "type"`: unit and struct
/// variants, the tag beside the fields) or externally tagged (one member named after the
/// variant: newtype and struct variants).
fn expand_tagged(ty: &Ident, container: &Container, e: &syn::DataEnum) -> syn::Result<Tokens> {
    container.strict(ty)?;
    let mut names = Vec::new();
    let mut arms = Vec::new();
    for (i, v) in e.variants.iter().enumerate() {
        let name = container.variant_name(v)?;
        let ident = &v.ident;
        // A tagged enum's last arm takes `_`, so that the match needs no unreachable arm; an
        // externally tagged one matches the key itself, as a hand-written reader would.
        let pat = if container.tag.is_none() {
            quote!(#name)
        } else if i + 1 == e.variants.len() {
            quote!(_)
        } else {
            quote!(#i)
        };
        let arm = match (&container.tag, &v.fields) {
            (Some(tag), Fields::Unit) => quote! {
                #pat => {
                    o.only(&[#tag])?;
                    ::core::result::Result::Ok(#ty::#ident)
                }
            },
            (Some(tag), Fields::Named(fields)) => {
                let (fields, reads) = members(fields, None)?;
                quote! {
                    #pat => {
                        o.only(&[#tag, #(#fields),*])?;
                        ::core::result::Result::Ok(#ty::#ident { #(#reads),* })
                    }
                }
            }
            (None, Fields::Unnamed(f)) if f.unnamed.len() == 1 => {
                let inner = &f.unnamed[0].ty;
                if let Some(a) = f.unnamed[0]
                    .attrs
                    .iter()
                    .find(|a| a.path().is_ident("serde"))
                {
                    return Err(Error::new_spanned(
                        a,
                        "FromJson: a newtype variant's field takes no serde attributes",
                    ));
                }
                quote! {
                    #pat => <#inner as crate::json::FromJson>::read(inner, &path).map(#ty::#ident),
                }
            }
            (None, Fields::Named(fields)) => {
                let (fields, reads) = members(fields, None)?;
                quote! {
                    #pat => {
                        let o = crate::json::Obj::new(inner, &path, &[#(#fields),*])?;
                        ::core::result::Result::Ok(#ty::#ident { #(#reads),* })
                    }
                }
            }
            _ => {
                return Err(Error::new_spanned(
                    v,
                    "FromJson: this variant's form is not derived (tagged enums take unit and \
                     struct variants, externally tagged ones newtype and struct variants)",
                ));
            }
        };
        names.push(name);
        arms.push(arm);
    }
    let body = if let Some(tag) = &container.tag {
        let indices = 0..names.len();
        quote! {
            let o = crate::json::Obj::open(v, path)?;
            match o.tag(#tag, &[#((#names, #indices)),*])? {
                #(#arms)*
            }
        }
    } else {
        let list = names
            .iter()
            .map(|n| format!("`{n}`"))
            .collect::<Vec<_>>()
            .join(", ");
        let forms = format!("an object with one of {list}");
        // A format string: the key goes in `{}`, and a brace in a name is doubled.
        let unknown = format!(
            "unknown field `{{}}`; expected one of {}",
            list.replace('{', "{{").replace('}', "}}")
        );
        quote! {
            const FORMS: &str = #forms;
            let crate::json::Json::Object(members) = v else {
                return crate::json::expected(v, path, FORMS);
            };
            let [(key, inner)] = members.as_slice() else {
                return crate::json::expected(v, path, &::std::format!("{} (exactly one)", FORMS));
            };
            let path = path.key(key);
            match &**key {
                #(#arms)*
                _ => ::core::result::Result::Err(crate::json::Error::at(
                    &path,
                    ::std::format!(#unknown, key),
                )),
            }
        }
    };
    Ok(impl_from_json(ty, &body))
}

/// `name()` and `impl FromJson` for a fieldless enum, from one table of names.
fn expand_names(
    ty: &Ident,
    container: &Container,
    variants: &[(Ident, String)],
) -> syn::Result<Tokens> {
    if container.deny_unknown_fields || container.default {
        return Err(Error::new_spanned(
            ty,
            "FromJson: `deny_unknown_fields` and `default` mean nothing on a fieldless enum",
        ));
    }
    let idents: Vec<&Ident> = variants.iter().map(|(v, _)| v).collect();
    let names: Vec<&String> = variants.iter().map(|(_, n)| n).collect();
    let read = impl_from_json(
        ty,
        &quote! {
            const NAMES: &[(&str, #ty)] = &[#((#names, #ty::#idents)),*];
            crate::json::one_of(v, path, NAMES)
        },
    );
    Ok(quote! {
        impl #ty {
            /// The JSON name (`time_deposit`, `>=`).
            #[must_use]
            pub fn name(self) -> &'static str {
                match self {
                    #(#ty::#idents => #names),*
                }
            }
        }

        #read
    })
}

/// `impl FromJson for ty`, whose `read` runs `body` with `v` and `path` in scope.
fn impl_from_json(ty: &Ident, body: &Tokens) -> Tokens {
    quote! {
        impl crate::json::FromJson for #ty {
            fn read(
                v: &crate::json::Json<'_>,
                path: &crate::json::Path<'_>,
            ) -> ::core::result::Result<Self, crate::json::Error> {
                #body
            }
        }
    }
}

/// Whether `ty` is written `Option<…>`.
fn is_option(ty: &Type) -> bool {
    let Type::Path(p) = ty else { return false };
    p.qself.is_none()
        && p.path.segments.last().is_some_and(|s| {
            s.ident == "Option"
                && matches!(&s.arguments, PathArguments::AngleBracketed(a)
                    if matches!(a.args.first(), Some(GenericArgument::Type(_))))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn expand_str(src: &str) -> Result<String, String> {
        let input: DeriveInput = syn::parse_str(src).map_err(|e| e.to_string())?;
        expand(&input)
            .map(|t| t.to_string())
            .map_err(|e| e.to_string())
    }

    #[test]
    fn variant_names_follow_serde() {
        assert_eq!(Case::Snake.apply("EChannels"), "e_channels");
        assert_eq!(Case::Snake.apply("TimeDeposit"), "time_deposit");
        assert_eq!(Case::Snake.apply("Fx"), "fx");
        assert_eq!(Case::Kebab.apply("OneDown"), "one-down");
        assert_eq!(Case::Lower.apply("OneDown"), "onedown");
        assert_eq!(Case::None.apply("C1"), "C1");
    }

    #[test]
    fn fields_are_read_as_serde_would() {
        let out = expand_str(
            r#"#[serde(deny_unknown_fields)]
            struct T {
                a: String,
                #[serde(default, skip_serializing_if = "Vec::is_empty")]
                b: Vec<u32>,
                c: Option<u32>,
                #[serde(default)]
                c2: Option<u32>,
                #[serde(default = "one")]
                d: Dec,
                #[serde(rename = "e-e")]
                e: u32,
            }"#,
        )
        .expect("derived");
        for part in [
            r#"Obj :: new (v , path , & ["a" , "b" , "c" , "c2" , "d" , "e-e"])"#,
            r#"a : o . required ("a") ?"#,
            r#"b : o . or_default ("b") ?"#,
            r#"c : o . optional ("c") ?"#,
            r#"c2 : o . optional ("c2") ?"#,
            r#"d : o . or_else ("d" , one) ?"#,
            r#"e : o . required ("e-e") ?"#,
        ] {
            assert!(out.contains(part), "{part} not in {out}");
        }
    }

    #[test]
    fn a_container_default_fills_each_field() {
        let out = expand_str("#[serde(default, deny_unknown_fields)] struct L { a: u32 }")
            .expect("derived");
        assert!(
            out.contains(
                r#"a : o . or_else ("a" , || < L as :: core :: default :: Default > :: default () . a) ?"#
            ),
            "{out}"
        );
    }

    #[test]
    fn enums_take_renames_then_rename_all() {
        let out = expand_str(
            r#"#[serde(rename_all = "snake_case")]
            enum E { OneDown, #[serde(rename = ">=")] Gte }"#,
        )
        .expect("derived");
        assert!(out.contains(r#"E :: OneDown => "one_down""#), "{out}");
        assert!(out.contains(r#"(">=" , E :: Gte)"#), "{out}");
        // A container's `rename` names the type, not its values.
        let out = expand_str(
            r#"#[serde(rename = "LifeScenario", rename_all = "snake_case")]
            enum Scenario { Travel }"#,
        )
        .expect("derived");
        assert!(out.contains(r#"("travel" , Scenario :: Travel)"#), "{out}");
    }

    #[test]
    fn tagged_enums_read_the_tag_then_the_variant() {
        let out = expand_str(
            r#"#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
            enum S { Monthly, Dates { dates: Vec<String> } }"#,
        )
        .expect("derived");
        for part in [
            r#"o . tag ("type" , & [("monthly" , 0usize) , ("dates" , 1usize)])"#,
            r#"0usize => { o . only (& ["type"]) ? ;"#,
            r#"_ => { o . only (& ["type" , "dates"]) ? ;"#,
            r#"S :: Dates { dates : o . required ("dates") ? }"#,
        ] {
            assert!(out.contains(part), "{part} not in {out}");
        }
        let out = expand_str(
            r#"#[serde(rename_all = "snake_case", deny_unknown_fields)]
            enum Src { Metric(String), FeeIncome { months: u32 } }"#,
        )
        .expect("derived");
        for part in [
            r#"const FORMS : & str = "an object with one of `metric`, `fee_income`""#,
            r#""unknown field `{}`; expected one of `metric`, `fee_income`""#,
            r#""metric" => < String as crate :: json :: FromJson > :: read (inner , & path) . map (Src :: Metric)"#,
            r#"Obj :: new (inner , & path , & ["months"])"#,
        ] {
            assert!(out.contains(part), "{part} not in {out}");
        }
    }

    #[test]
    fn what_the_reader_would_not_follow_is_refused() {
        for (src, says) in [
            ("struct T { a: u32 }", "deny_unknown_fields"),
            (
                "#[serde(deny_unknown_fields)] struct T { #[serde(flatten)] a: U }",
                "`flatten`",
            ),
            (
                r#"#[serde(deny_unknown_fields)] struct T { #[serde(alias = "b")] a: u32 }"#,
                "`alias`",
            ),
            (
                r#"#[serde(tag = "type")] enum E { A { a: u32 } }"#,
                "deny_unknown_fields",
            ),
            ("enum E { A(u32) }", "deny_unknown_fields"),
            (
                "#[serde(deny_unknown_fields)] enum E { A(u32, u32) }",
                "form",
            ),
            ("#[serde(deny_unknown_fields)] enum E { A, B(u32) }", "form"),
            (
                r#"#[serde(tag = "t", deny_unknown_fields)] enum E { A(u32) }"#,
                "form",
            ),
            ("#[serde(untagged)] enum E { A(u32) }", "`untagged`"),
            (
                r#"#[serde(tag = "t", deny_unknown_fields)] struct T { a: u32 }"#,
                "`tag`",
            ),
            (
                r#"#[serde(rename_all = "camelCase")] enum E { A }"#,
                "camelCase",
            ),
            (
                r#"#[serde(deny_unknown_fields, rename_all = "snake_case")] struct T { a: u32 }"#,
                "rename_all",
            ),
            (
                "#[serde(deny_unknown_fields)] struct T(u32);",
                "named fields",
            ),
            (
                "#[serde(deny_unknown_fields)] struct T<X> { a: X }",
                "generic",
            ),
        ] {
            let e = expand_str(src).expect_err(src);
            assert!(e.contains(says), "{src}: {e}");
        }
    }
}
