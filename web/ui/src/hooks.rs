//! Hooks more than one face uses.

use yew::prelude::*;

/// Sets CSS properties on the element behind `node` through the CSSOM after each change.
///
/// A strict Content-Security-Policy (`style-src 'self'`) blocks `style="…"` attributes, but not
/// the CSSOM, so dynamic values such as a tier's colour or a bar's width are set here.
#[hook]
pub fn use_css(node: NodeRef, props: Vec<(&'static str, String)>) {
    use_effect_with(props, move |props| {
        if let Some(el) = node.cast::<web_sys::HtmlElement>() {
            let style = el.style();
            for (name, value) in props {
                let _ = style.set_property(name, value);
            }
        }
    });
}
