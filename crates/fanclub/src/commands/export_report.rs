//! `fanclub export brag` and `fanclub export packet`: the member's wins and readiness as a
//! document for their manager, in Markdown or as a print-ready HTML page.

use anyhow::{Context, Result};
use fanclub_core::report::{self, Grouping, markdown};

use super::{destination, write_output, written};
use crate::cli::{BragExportArgs, BragGrouping, DocumentFormat, PacketExportArgs};
use crate::commands::App;

pub async fn brag(app: &App, args: BragExportArgs) -> Result<()> {
    let path = destination(args.output);
    let ws = report::load(&*app.store).await?;
    let grouping = match args.by {
        BragGrouping::Goal => Grouping::Goal,
        BragGrouping::Month => Grouping::Month,
    };
    let brag = report::brag(&ws, grouping, app.today);
    let text = match args.format {
        DocumentFormat::Md => markdown::brag(&brag),
        DocumentFormat::Html => {
            fanclub_web::brag_html(&brag).context("cannot lay out the brag document")?
        }
    };
    write_output(path.as_deref(), |out| out.write_all(text.as_bytes()))?;
    written(app, path.as_deref(), "the brag document")
}

pub async fn packet(app: &App, args: PacketExportArgs) -> Result<()> {
    let path = destination(args.output);
    let ws = report::load(&*app.store).await?;
    let packet = report::packet(&ws, app.today);
    let text = match args.format {
        DocumentFormat::Md => markdown::packet(&packet),
        DocumentFormat::Html => {
            fanclub_web::packet_html(&packet).context("cannot lay out the packet")?
        }
    };
    write_output(path.as_deref(), |out| out.write_all(text.as_bytes()))?;
    written(app, path.as_deref(), "the promotion packet")
}
