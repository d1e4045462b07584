//! "3. Spreadsheet columns": the text encoding, which column gives which field, which are
//! questions, and the feed's title and credits.

use scorecard_core::csv_import::{Column, ColumnSpec, CsvMapping};
use scorecard_core::source::Encoding;
use yew::prelude::*;

use super::{input_element, input_value, select_value};
use crate::state::{Action, MetaField, Sheet};

#[derive(Properties, PartialEq)]
pub struct MappingPanelProps {
    pub sheet: Sheet,
    pub on_action: Callback<Action>,
}

/// Which spreadsheet column feeds which field, which columns are questions, and the feed's
/// title and credits.
#[function_component(MappingPanel)]
pub fn mapping_panel(props: &MappingPanelProps) -> Html {
    let sheet = &props.sheet;
    let headers = &sheet.table.headers;
    let mapping = &sheet.mapping;
    let meta_input = |field: MetaField, label: &'static str, id: &'static str, value: Option<String>| {
        let on_change = props.on_action.reform(move |e: Event| Action::SetMeta { field, value: input_value(&e) });
        html! {
            <div class="org-field">
                <label for={id}>{ label }</label>
                <input id={id} type="text" value={value.unwrap_or_default()} onchange={on_change} />
            </div>
        }
    };
    let reader = use_mut_ref(|| None::<gloo_file::callbacks::FileReader>);
    let mapping_error = use_state(|| None::<String>);
    let on_mapping_file =
        {
            let on_action = props.on_action.clone();
            let mapping_error = mapping_error.clone();
            Callback::from(move |e: Event| {
                let input = input_element(&e);
                let Some(file) = input.as_ref().and_then(|i| i.files()).and_then(|f| f.get(0)) else { return };
                let on_action = on_action.clone();
                let mapping_error = mapping_error.clone();
                let task = gloo_file::callbacks::read_as_text(&gloo_file::Blob::from(file), move |result| match result
                    .map_err(|e| e.to_string())
                    .and_then(|text| serde_json::from_str::<CsvMapping>(&text).map_err(|e| e.to_string()))
                {
                    Ok(mapping) => {
                        mapping_error.set(None);
                        on_action.emit(Action::ApplyMapping(Box::new(mapping)));
                    }
                    Err(error) => mapping_error.set(Some(format!("That is not a mapping file saved here: {error}"))),
                });
                *reader.borrow_mut() = Some(task);
            })
        };
    // Names look wrong when the guess was: reading again in the right encoding mends them.
    let on_encoding = props.on_action.reform(|e: Event| Action::SetEncoding(Encoding::from_name(&select_value(&e))));
    html! {
        <section class="org-panel org-mapping" aria-labelledby="org-mapping-title">
            <h2 id="org-mapping-title">{ "3. Spreadsheet columns" }</h2>
            if sheet.unsure {
                <p class="org-failure" role="alert">{ "Some columns could not be recognized. Choose them below." }</p>
            }
            <div class="org-row">
                <label for="org-encoding">{ "Text encoding" }</label>
                <select id="org-encoding" onchange={on_encoding}>
                    <option value="" selected={sheet.encoding.is_none()}>
                        { format!("As the file shows ({})", sheet.table.encoding.label()) }
                    </option>
                    { for Encoding::ALL.iter().map(|e| html! {
                        <option value={e.key()} selected={sheet.encoding == Some(*e)}>{ e.label() }</option>
                    }) }
                </select>
            </div>
            <ul class="org-notes">
                { for sheet.notes.iter().map(|n| html! { <li>{ n.clone() }</li> }) }
            </ul>
            <div class="org-grid">
                { for Column::in_picker_order().map(|field| {
                    let id = format!("org-field-{}", field.label().to_lowercase().replace([' ', '(', ')'], "-"));
                    let current = field.get(&mapping.columns).and_then(ColumnSpec::header).map(str::to_string);
                    let on_change = props.on_action.reform(move |e: Event| {
                        let value = select_value(&e);
                        Action::SetColumn { field, column: Some(value).filter(|v| !v.is_empty()) }
                    });
                    html! {
                        <div class="org-field">
                            <label for={id.clone()}>{ field.label() }</label>
                            <select id={id} onchange={on_change}>
                                <option value="" selected={current.is_none()}>{ "— none —" }</option>
                                { for headers.iter().map(|h| html! {
                                    <option value={h.clone()} selected={current.as_deref() == Some(h.as_str())}>{ h.clone() }</option>
                                }) }
                            </select>
                        </div>
                    }
                }) }
            </div>
            <fieldset class="org-questions">
                <legend>{ "Columns that hold stances (one question each)" }</legend>
                { for headers.iter().map(|h| {
                    let checked = mapping.questions.iter().any(|q| &q.column == h);
                    let column = h.clone();
                    let on_change = props.on_action.reform(move |_: Event| Action::ToggleQuestion { column: column.clone() });
                    html! {
                        <label class="org-check">
                            <input type="checkbox" checked={checked} onchange={on_change} />
                            { h.clone() }
                        </label>
                    }
                }) }
            </fieldset>
            <div class="org-grid">
                { meta_input(MetaField::Title, "Title", "org-meta-title", Some(mapping.meta.title.clone())) }
                { meta_input(MetaField::Description, "Description", "org-meta-description", mapping.meta.description.clone()) }
                { meta_input(MetaField::Publisher, "Published by", "org-meta-publisher", mapping.meta.publisher.as_ref().map(|p| p.text.clone())) }
                { meta_input(MetaField::Attribution, "Data credit", "org-meta-attribution", mapping.meta.attribution.as_ref().map(|a| a.text.clone())) }
                { meta_input(MetaField::AttributionUrl, "Data credit link (https)", "org-meta-attribution-url", mapping.meta.attribution.as_ref().and_then(|a| a.url.clone())) }
                { meta_input(MetaField::Updated, "Data as of (YYYY-MM-DD)", "org-meta-updated", mapping.meta.updated.clone()) }
            </div>
            <div class="org-row">
                <label for="org-mapping-file">{ "Apply a saved mapping" }</label>
                <input id="org-mapping-file" type="file" accept=".json,application/json" onchange={on_mapping_file} />
            </div>
            if let Some(error) = &*mapping_error {
                <p class="org-failure" role="alert">{ error.clone() }</p>
            }
        </section>
    }
}
