<#ftl output_format="HTML">
<#import "layout.ftl" as layout>
<@layout.page title=content.title description=content.description current=(content.nav!"")>
<@layout.draftBanner/>
<h1 class="heading-xl">${content.title}</h1>
<div class="prose">
${content.body?no_esc}
</div>
</@layout.page>
