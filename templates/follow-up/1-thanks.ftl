<#-- Step 1, about two days after you met: say thank you, make the next step easy. -->
Subject: Thanks for your time<#if contact.firstName??>, ${contact.firstName}</#if>

Hi ${contact.firstName!"there"},

Thank you for taking the time to talk with me<#if contact.fields.met_at??> at ${contact.fields.met_at}</#if>. I enjoyed hearing about what you are working on<#if contact.company??> at ${contact.company}</#if>.

If a next step would be useful, let's keep it small: would a 15-minute call next week help? Just reply with a time that works for you.

Either way, it was good to meet you.

Best,
${sender.name}
